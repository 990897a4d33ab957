/// Why a workbook file could not be turned into a `Spreadsheet`. The author sees `description`,
/// so it names the file and, as far as it is known, the sheet, the part inside the `.xlsx`, the
/// line and character or the cell: enough to find the spot without help. `kind` lets callers
/// react to a class of problem without reading the text.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The data is not an `.xlsx` workbook at all (not a zip, or a zip without a workbook).
        case notAWorkbook
        /// An Excel 97-2003 `.xls` file, or a password-protected workbook (both are OLE2 files).
        case legacyExcelFormat
        /// An OpenDocument spreadsheet (`.ods`).
        case openDocumentFormat
        /// The workbook names a part (a sheet, its relationships) that the zip does not hold.
        case missingPart
        /// A part of the zip could not be unpacked (damaged archive).
        case unreadablePart
        /// A part unpacks to more than the size limit: probably a zip bomb.
        case partTooLarge
        /// A part is not well-formed XML, or uses XML features Excel never writes.
        case malformedXML
        /// A cell or row whose content cannot be read (bad reference, number or shared-text index).
        case unreadableCell
        /// CSV: a quoted cell is never closed.
        case unterminatedQuote
        /// CSV: a row with content comes before the first sheet name.
        case rowBeforeSheetName
    }

    public var kind: Kind
    /// The file name as the author knows it ("survey.xlsx").
    public var fileName: String
    /// The sheet, when the problem is inside one.
    public var sheet: String?
    /// The path of the part inside the `.xlsx` zip ("xl/worksheets/sheet1.xml").
    public var part: String?
    /// The cell reference ("C5"), for problems in one cell.
    public var cell: String?
    /// 1-based line: of the CSV file, or of the XML part for malformed XML.
    public var line: Int?
    /// 1-based character position on `line`, when known.
    public var character: Int?
    /// Plain-language explanation, including what to do when that is not obvious.
    public var message: String

    public init(
        kind: Kind, fileName: String, sheet: String? = nil, part: String? = nil, cell: String? = nil,
        line: Int? = nil, character: Int? = nil, message: String
    ) {
        self.kind = kind
        self.fileName = fileName
        self.sheet = sheet
        self.part = part
        self.cell = cell
        self.line = line
        self.character = character
        self.message = message
    }

    /// e.g. "survey.xlsx, sheet survey (xl/worksheets/sheet1.xml), cell C5: …" or
    /// "survey.csv, line 4: …".
    public var description: String {
        var location = [fileName]
        switch (sheet, part) {
        case let (sheet?, part?): location.append("sheet \(sheet) (\(part))")
        case let (sheet?, nil): location.append("sheet \(sheet)")
        case let (nil, part?): location.append(part)
        case (nil, nil): break
        }
        if let cell { location.append("cell \(cell)") }
        if let line { location.append("line \(line)") }
        if let character { location.append("character \(character)") }
        return location.joined(separator: ", ") + ": " + message
    }
}
