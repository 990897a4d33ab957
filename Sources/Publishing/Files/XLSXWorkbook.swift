import Foundation
import ZIPFoundation

/// A workbook of plain sheets written as an Excel file (`.xlsx`, Office Open XML SpreadsheetML):
/// the few parts Excel, LibreOffice and openpyxl need, text as inline strings, numbers as number
/// cells, and the first row of each sheet in bold as its header.
///
/// Many of the people who use citizen data work in a spreadsheet program; a workbook opens there
/// with numbers that can be summed and sorted, which a CSV opened with the wrong locale does not.
struct XLSXWorkbook: Sendable, Hashable {
    enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    struct Sheet: Sendable, Hashable {
        /// At most 31 characters, none of `\ / ? * [ ] :` (Excel's rules for sheet names).
        var name: String
        /// The first row is the header.
        var rows: [[Cell]]
    }

    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    var sheets: [Sheet]

    /// The `.xlsx` file. `modified` is the time stamp of every part, so the same workbook is always
    /// the same bytes.
    func data(modified: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Every part by its path in the package, in the order they are stored.
    var parts: [(path: String, text: String)] {
        let numbers = sheets.indices.map { $0 + 1 }
        let contentTypes = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + numbers.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>"
        let packageRels = Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
        let workbook = Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
            + zip(sheets, numbers).map { "<sheet name=\"\(XMLText.escaped($0.name))\" sheetId=\"\($1)\" r:id=\"rId\($1)\"/>" }.joined()
            + "</sheets></workbook>"
        let workbookRels = Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + numbers.map { "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
        // Style 0 is the default; style 1 is bold, for the header row.
        let styles = Self.header + "<styleSheet xmlns=\"\(Self.main)\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", styles)]
            + zip(sheets, numbers).map { ("xl/worksheets/sheet\($1).xml", Self.worksheet($0)) }
    }

    /// A sheet's cells, the header row frozen so it stays in view while scrolling.
    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let number = rowIndex + 1
            xml += "<row r=\"\(number)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = columnName(columnIndex) + String(number)
                let style = rowIndex == 0 ? " s=\"1\"" : ""
                switch cell {
                case .text(let text) where !text.isEmpty:
                    let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                    xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t\(space)>\(XMLText.escaped(text))</t></is></c>"
                case .number(let value) where value.isFinite:
                    xml += "<c r=\"\(reference)\"\(style)><v>\(numberText(value))</v></c>"
                default:
                    break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A whole number without a decimal point ("400", not "400.0"), so spreadsheet programs and
    /// openpyxl read counts as integers; any other number in full, as it reads back.
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 9_007_199_254_740_992 ? String(Int64(value)) : "\(value)"
    }

    /// The letters of a 0-based column: A ... Z, AA ... AZ, BA ...
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let letter = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + letter))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}
