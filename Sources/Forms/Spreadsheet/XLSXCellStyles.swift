import Foundation

/// Which cell styles (`s="…"` on a cell, an index into `cellXfs` in `xl/styles.xml`) show numbers
/// as dates or durations. Excel stores a date as a day count; only the style tells it apart from
/// a number, and pyxform (through openpyxl) writes such cells as dates, so this reader must too.
struct XLSXCellStyles: Sendable, Equatable {
    /// Styles whose number format is a date, a time or a duration.
    var dateStyles: Set<Int>
    /// Styles whose number format is a duration (`[h]:mm`); a subset of `dateStyles`.
    var durationStyles: Set<Int>

    init(dateStyles: Set<Int> = [], durationStyles: Set<Int> = []) {
        self.dateStyles = dateStyles
        self.durationStyles = durationStyles
    }

    init(parsing data: Data, context: XMLPartContext) throws(SpreadsheetError) {
        let handler = Handler()
        try XMLPartParser.parse(data, context: context, into: handler)
        var dateStyles: Set<Int> = []
        var durationStyles: Set<Int> = []
        for (index, formatID) in handler.cellFormatIDs.enumerated() {
            guard let formatID, let code = handler.customFormats[formatID] ?? XLSXNumberFormat.builtIn[formatID] else {
                continue
            }
            let format = XLSXNumberFormat(code: code)
            if format.isDate { dateStyles.insert(index) }
            if format.isDuration { durationStyles.insert(index) }
        }
        self.init(dateStyles: dateStyles, durationStyles: durationStyles)
    }

    private final class Handler: XMLPartHandler {
        var customFormats: [Int: String] = [:]
        /// `numFmtId` of each `<xf>` in `<cellXfs>`, in order.
        var cellFormatIDs: [Int?] = []
        private var insideCellFormats = false

        func startElement(_ name: String, attributes: [String: String]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customFormats[id] = code
                }
            case "cellXfs":
                insideCellFormats = true
            case "xf" where insideCellFormats:
                cellFormatIDs.append(Int(attributes["numFmtId"] ?? "0"))
            default:
                break
            }
        }

        func endElement(_ name: String) {
            if name == "cellXfs" { insideCellFormats = false }
        }

        func characters(_ text: String) {}
    }
}
