import Foundation

/// The rows of one worksheet part (`xl/worksheets/sheetN.xml`) as text cells, converted the way
/// pyxform converts openpyxl's values: shared and inline strings as written (non-breaking spaces
/// become plain spaces), formulas by their last computed value, numbers as in `XLSXNumber`,
/// booleans "TRUE"/"FALSE", errors as shown ("#N/A"), date-styled numbers as dates.
///
/// Rows keep the number the author sees; rows with only blank cells are left out, and missing
/// cells (gaps, or cells the file does not store) are "".
struct XLSXWorksheetPart: Sendable, Equatable {
    var rows: [SheetRow]

    /// What cells may refer to: the shared strings, the date styles and the date epoch.
    struct Lookups: Sendable, Equatable {
        var sharedStrings: XLSXSharedStrings
        var styles: XLSXCellStyles
        var uses1904: Bool
    }

    init(parsing data: Data, context: XMLPartContext, lookups: Lookups) throws(SpreadsheetError) {
        let handler = Handler(lookups: lookups)
        try XMLPartParser.parse(data, context: context, into: handler)
        rows = handler.rows
    }

    private final class Handler: XMLPartHandler {
        let lookups: Lookups
        var rows: [SheetRow] = []

        private var insideSheetData = false
        private var rowNumber = 0
        private var rowCells: [Int: String] = [:]
        private var column = 0
        // The cell being read.
        private var cellType = "n"
        private var cellStyle = 0
        private var value: String?
        private var insideValue = false
        private var inlineText: XLSXRichTextHandler?

        init(lookups: Lookups) {
            self.lookups = lookups
        }

        private var cellReference: String {
            XLSXCellReference(column: column, row: rowNumber).text
        }

        func startElement(_ name: String, attributes: [String: String]) throws(XMLPartProblem) {
            if let inlineText {
                inlineText.startElement(name, attributes: attributes)
                return
            }
            switch name {
            case "sheetData":
                insideSheetData = true
            case "row" where insideSheetData:
                try startRow(attributes["r"])
            case "c" where insideSheetData:
                try startCell(attributes)
            case "v" where insideSheetData:
                insideValue = true
                value = value ?? ""
            case "is" where insideSheetData:
                let handler = XLSXRichTextHandler(itemElement: "is")
                handler.beginItem()
                inlineText = handler
            default:
                break
            }
        }

        func endElement(_ name: String) throws(XMLPartProblem) {
            if let inlineText {
                inlineText.endElement(name)
                if name == "is" {
                    value = inlineText.texts.first ?? ""
                    self.inlineText = nil
                }
                return
            }
            switch name {
            case "sheetData":
                insideSheetData = false
            case "row" where insideSheetData:
                finishRow()
            case "c" where insideSheetData:
                var text = try cellText()
                if text.unicodeScalars.contains("\u{00A0}") {
                    text = text.replacingOccurrences(of: "\u{00A0}", with: " ")
                }
                if !text.isEmpty { rowCells[column] = text }
            case "v":
                insideValue = false
            default:
                break
            }
        }

        func characters(_ text: String) {
            if let inlineText {
                inlineText.characters(text)
            } else if insideValue {
                value?.append(text)
            }
        }

        private func startRow(_ number: String?) throws(XMLPartProblem) {
            if let number {
                let trimmed = number.trimmingCharacters(in: .whitespaces)
                let parsed = Int(trimmed) ?? Double(trimmed).flatMap { $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }
                guard let parsed, (1...XLSXCellReference.maximumRow).contains(parsed) else {
                    throw XMLPartProblem(
                        message: "a row is numbered “\(number)”, which is not a row number (1 to \(XLSXCellReference.maximumRow)). The file was not written by a spreadsheet program or is damaged; open it in one and save it again.")
                }
                rowNumber = parsed
            } else {
                rowNumber += 1
            }
            column = 0
            rowCells = [:]
        }

        private func startCell(_ attributes: [String: String]) throws(XMLPartProblem) {
            if let reference = attributes["r"] {
                guard let parsed = XLSXCellReference(reference) else {
                    throw XMLPartProblem(
                        message: "a cell in row \(rowNumber) has the reference “\(reference)”, which is not a cell Excel can have (columns A to XFD, rows 1 to \(XLSXCellReference.maximumRow)). Open the file in a spreadsheet program and save it again.")
                }
                column = parsed.column
            } else {
                column += 1
                guard column <= XLSXCellReference.maximumColumn else {
                    throw XMLPartProblem(message: "row \(rowNumber) has more cells than Excel's \(XLSXCellReference.maximumColumn) columns.")
                }
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            value = nil
            insideValue = false
        }

        private func finishRow() {
            defer { rowCells = [:] }
            guard rowCells.values.contains(where: { $0.contains { !$0.isWhitespace } }),
                  let last = rowCells.keys.max()
            else { return }
            rows.append(SheetRow(number: rowNumber, cells: (1...last).map { rowCells[$0] ?? "" }))
        }

        /// `text` without surrounding whitespace; cheap when there is none, as in nearly every cell.
        private static func trimmed(_ text: String) -> String {
            guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The cell's value as pyxform writes it.
        private func cellText() throws(XMLPartProblem) -> String {
            let raw = Self.trimmed(value ?? "")
            switch cellType {
            case "s":
                guard !raw.isEmpty else { return "" }
                guard let index = Int(raw), let text = lookups.sharedStrings[index] else {
                    throw XMLPartProblem(
                        cell: cellReference,
                        message: "the cell refers to shared text number \(raw), but the workbook's text table (xl/sharedStrings.xml) has only \(lookups.sharedStrings.strings.count) entries, so the file is damaged. Open it in your spreadsheet program and save it again.")
                }
                return text
            case "inlineStr":
                return value ?? ""
            case "str":
                return (value ?? "").decodingXLSXEscapes()
            case "e":
                return value ?? ""
            case "b":
                guard !raw.isEmpty else { return "" }
                guard let flag = Int(raw) else {
                    throw XMLPartProblem(
                        cell: cellReference,
                        message: "the cell is marked as TRUE/FALSE but holds “\(raw)” instead of 1 or 0. Retype the value and save the file again.")
                }
                return flag != 0 ? "TRUE" : "FALSE"
            case "d":
                guard !raw.isEmpty else { return "" }
                guard let date = XLSXISODateTime(raw) else {
                    throw XMLPartProblem(
                        cell: cellReference,
                        message: "the cell is marked as a date but holds “\(raw)”, which is not a date. Retype the date and save the file again.")
                }
                return date.text
            case "n":
                guard !raw.isEmpty else { return "" }
                guard let number = XLSXNumber(raw) else {
                    throw XMLPartProblem(
                        cell: cellReference,
                        message: "the cell is marked as a number but holds “\(raw)”. Retype the value and save the file again.")
                }
                guard lookups.styles.dateStyles.contains(cellStyle) else { return number.text }
                let date = ExcelSerialDate(serial: number.doubleValue, uses1904: lookups.uses1904)
                let text = lookups.styles.durationStyles.contains(cellStyle) ? date.durationText : date.dateTimeText
                return text ?? "#VALUE!"
            default:
                // A type this reader does not know: keep what is stored, as openpyxl does.
                return (value ?? "").decodingXLSXEscapes()
            }
        }
    }
}
