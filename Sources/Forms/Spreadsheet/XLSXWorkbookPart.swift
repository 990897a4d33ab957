import Foundation

/// What `xl/workbook.xml` says: the sheets in the author's order, each with the relationship
/// that leads to its part, and whether dates count from 1904 (old Mac Excel) instead of 1900.
struct XLSXWorkbookPart: Sendable, Equatable {
    struct SheetEntry: Sendable, Equatable {
        var name: String
        /// `r:id`, looked up in the workbook's relationships.
        var relationshipID: String?
    }

    var sheets: [SheetEntry]
    var usesDate1904: Bool

    init(sheets: [SheetEntry], usesDate1904: Bool) {
        self.sheets = sheets
        self.usesDate1904 = usesDate1904
    }

    init(parsing data: Data, context: XMLPartContext) throws(SpreadsheetError) {
        let handler = Handler()
        try XMLPartParser.parse(data, context: context, into: handler)
        self.init(sheets: handler.sheets, usesDate1904: handler.usesDate1904)
    }

    private final class Handler: XMLPartHandler {
        var sheets: [SheetEntry] = []
        var usesDate1904 = false
        private var insideSheets = false

        func startElement(_ name: String, attributes: [String: String]) {
            switch name {
            case "sheets":
                insideSheets = true
            case "sheet" where insideSheets:
                sheets.append(SheetEntry(name: attributes["name"] ?? "", relationshipID: attributes["id"]))
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                usesDate1904 = value == "1" || value == "true"
            default:
                break
            }
        }

        func endElement(_ name: String) {
            if name == "sheets" { insideSheets = false }
        }

        func characters(_ text: String) {}
    }
}
