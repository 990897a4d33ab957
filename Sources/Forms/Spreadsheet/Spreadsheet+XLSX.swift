import Foundation

extension Spreadsheet {
    /// Reads an Excel workbook (`.xlsx`, Office Open XML) held in memory. Every worksheet becomes
    /// a `Sheet` in workbook order, with cell values as text the way pyxform reads them; chart
    /// sheets have no cells and are left out.
    ///
    /// Throws when the data is not an `.xlsx` workbook (an `.xls` or `.ods` file gets a message
    /// saying to save it as `.xlsx`), when a part the workbook names is missing, damaged, not
    /// well-formed XML or unpacks to more than 100 MB, or when a cell cannot be read.
    public init(xlsx data: Data, fileName: String) throws(SpreadsheetError) {
        try self.init(xlsx: data, fileName: fileName, maximumPartSize: XLSXPackage.defaultMaximumPartSize)
    }

    /// As `init(xlsx:fileName:)`, with a different limit on the unpacked size of one part.
    init(xlsx data: Data, fileName: String, maximumPartSize: Int) throws(SpreadsheetError) {
        let package = try XLSXPackage(data: data, fileName: fileName, maximumPartSize: maximumPartSize)
        let workbookPath = try Self.workbookPath(in: package)
        guard let workbookData = try package.data(at: workbookPath) else {
            throw try Self.missingWorkbookError(in: package, path: workbookPath)
        }
        let workbook = try XLSXWorkbookPart(
            parsing: workbookData, context: XMLPartContext(fileName: fileName, part: workbookPath))
        let relationships = try package.relationships(of: workbookPath)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        func sibling(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }

        let sharedStringsPath = relationships.first(ofKind: "sharedStrings")?.path ?? sibling("sharedStrings.xml")
        let sharedStrings = try package.data(at: sharedStringsPath).map { data throws(SpreadsheetError) in
            try XLSXSharedStrings(parsing: data, context: XMLPartContext(fileName: fileName, part: sharedStringsPath))
        } ?? XLSXSharedStrings(strings: [])
        let stylesPath = relationships.first(ofKind: "styles")?.path ?? sibling("styles.xml")
        let styles = try package.data(at: stylesPath).map { data throws(SpreadsheetError) in
            try XLSXCellStyles(parsing: data, context: XMLPartContext(fileName: fileName, part: stylesPath))
        } ?? XLSXCellStyles()
        let lookups = XLSXWorksheetPart.Lookups(
            sharedStrings: sharedStrings, styles: styles, uses1904: workbook.usesDate1904)

        var sheets: [Sheet] = []
        for entry in workbook.sheets {
            guard let id = entry.relationshipID, let item = relationships.item(withID: id) else {
                throw SpreadsheetError(
                    kind: .missingPart, fileName: fileName, sheet: entry.name,
                    part: XLSXRelationships.path(describing: workbookPath),
                    message: "the workbook lists this sheet but does not say where its cells are stored, so the file is damaged. Open it in your spreadsheet program and save it again as .xlsx.")
            }
            guard item.kind == "worksheet" else { continue }
            guard let sheetData = try package.data(at: item.path, sheet: entry.name) else {
                throw SpreadsheetError(
                    kind: .missingPart, fileName: fileName, sheet: entry.name, part: item.path,
                    message: "the workbook lists this sheet, but its cells (\(item.path)) are missing from the file, so it is damaged. Open it in your spreadsheet program and save it again as .xlsx.")
            }
            let part = try XLSXWorksheetPart(
                parsing: sheetData,
                context: XMLPartContext(fileName: fileName, part: item.path, sheet: entry.name),
                lookups: lookups)
            sheets.append(Sheet(name: entry.name, rows: part.rows))
        }
        self.init(fileName: fileName, sheets: sheets)
    }

    /// The workbook part named by the package relationships (`_rels/.rels`), normally
    /// `xl/workbook.xml`, which is also the fallback.
    private static func workbookPath(in package: XLSXPackage) throws(SpreadsheetError) -> String {
        let standard = "xl/workbook.xml"
        guard let named = try package.relationships(of: "").first(ofKind: "officeDocument")?.path,
              package.contains(named)
        else { return standard }
        return named
    }

    private static func missingWorkbookError(in package: XLSXPackage, path: String) throws(SpreadsheetError) -> SpreadsheetError {
        let mimeType = try package.data(at: "mimetype").map { String(decoding: $0, as: UTF8.self) } ?? ""
        if mimeType.contains("opendocument") || package.contains("content.xml") {
            return SpreadsheetError(
                kind: .openDocumentFormat, fileName: package.fileName,
                message: "this is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in your spreadsheet program and save it as Excel Workbook (.xlsx).")
        }
        return SpreadsheetError(
            kind: .notAWorkbook, fileName: package.fileName,
            message: "the workbook has no sheet list (\(path) is missing); is this an Excel .xlsx file? Save the form from your spreadsheet program as Excel Workbook (.xlsx).")
    }
}
