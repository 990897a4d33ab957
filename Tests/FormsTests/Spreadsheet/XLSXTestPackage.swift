import Foundation
import ZIPFoundation

/// Builds `.xlsx` files in memory for tests, from XML parts written by hand, so each test shows
/// exactly the bytes a reader must cope with.
struct XLSXTestPackage {
    /// Parts in zip order: path inside the zip and contents.
    var parts: [(path: String, contents: String)]

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A workbook with these sheets (name and the XML inside `<sheetData>`), plus optional shared
    /// strings (`<si>` items) and styles (the `<styleSheet>` content).
    static func workbook(
        sheets: [(name: String, sheetData: String)],
        sharedStrings: [String]? = nil,
        styles: String? = nil,
        workbookProperties: String = "",
        absoluteTargets: Bool = false
    ) -> XLSXTestPackage {
        var sheetEntries = ""
        var relationships = ""
        var parts: [(path: String, contents: String)] = []
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            sheetEntries += #"<sheet name="\#(escaped(sheet.name))" sheetId="\#(number)" r:id="rId\#(number)"/>"#
            let target = absoluteTargets ? "/xl/worksheets/sheet\(number).xml" : "worksheets/sheet\(number).xml"
            relationships += relationship(id: "rId\(number)", kind: "worksheet", target: target)
            parts.append(("xl/worksheets/sheet\(number).xml", worksheet(sheet.sheetData)))
        }
        if let sharedStrings {
            relationships += relationship(
                id: "rIdStrings", kind: "sharedStrings", target: absoluteTargets ? "/xl/sharedStrings.xml" : "sharedStrings.xml")
            parts.append(("xl/sharedStrings.xml",
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="\#(mainNamespace)" count="\#(sharedStrings.count)" uniqueCount="\#(sharedStrings.count)">"#
                    + sharedStrings.joined() + "</sst>"))
        }
        if let styles {
            relationships += relationship(id: "rIdStyles", kind: "styles", target: "styles.xml")
            parts.append(("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(mainNamespace)">"# + styles + "</styleSheet>"))
        }
        let workbook = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">\#(workbookProperties)<sheets>\#(sheetEntries)</sheets></workbook>"#
        return XLSXTestPackage(parts: [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", relationshipsPart(relationship(id: "rId1", kind: "officeDocument", target: "xl/workbook.xml"))),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", relationshipsPart(relationships)),
        ] + parts)
    }

    /// One sheet, no shared strings or styles.
    static func singleSheet(_ sheetData: String, name: String = "survey") -> XLSXTestPackage {
        workbook(sheets: [(name, sheetData)])
    }

    static func worksheet(_ sheetData: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)"><sheetData>\#(sheetData)</sheetData></worksheet>"#
    }

    static func relationship(id: String, kind: String, target: String) -> String {
        #"<Relationship Id="\#(id)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\#(kind)" Target="\#(target)"/>"#
    }

    static func relationshipsPart(_ relationships: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(packageRelationshipNamespace)">\#(relationships)</Relationships>"#
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The same package with the part at `path` replaced (or added).
    func replacing(_ path: String, with contents: String) -> XLSXTestPackage {
        var copy = self
        if let index = copy.parts.firstIndex(where: { $0.path == path }) {
            copy.parts[index].contents = contents
        } else {
            copy.parts.append((path, contents))
        }
        return copy
    }

    /// The same package without the part at `path`.
    func removing(_ path: String) -> XLSXTestPackage {
        XLSXTestPackage(parts: parts.filter { $0.path != path })
    }

    /// The zip bytes, deflated as spreadsheet programs do (or stored as they are).
    func data(compressed: Bool = true) throws -> Data {
        try Self.zip(parts.map { ($0.path, Data($0.contents.utf8)) }, compressed: compressed)
    }

    static func zip(_ entries: [(path: String, contents: Data)], compressed: Bool = true) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, contents) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(contents.count), compressionMethod: compressed ? .deflate : .none,
                provider: { position, size in
                    contents.subdata(in: Int(position)..<(Int(position) + size))
                })
        }
        return archive.data ?? Data()
    }
}
