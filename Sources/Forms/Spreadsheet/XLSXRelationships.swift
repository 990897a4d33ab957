import Foundation

/// The relationships of one part of an Office Open XML package (its `_rels/<name>.rels` part):
/// how the workbook says where its sheets, shared strings and styles live. Targets are resolved
/// to paths inside the zip, whether written relative (`worksheets/sheet1.xml`) or absolute
/// (`/xl/worksheets/sheet1.xml`).
struct XLSXRelationships: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var id: String
        /// The relationship type URI; compared by its last path segment ("worksheet", "styles"),
        /// which is the same in transitional and strict Office Open XML.
        var type: String
        /// Path inside the zip, without a leading slash.
        var path: String

        /// The last segment of `type`: "worksheet", "sharedStrings", "officeDocument", ….
        var kind: String {
            type.split(separator: "/").last.map(String.init) ?? type
        }
    }

    /// The part these relationships belong to.
    var source: String
    var items: [Item]

    init(source: String, items: [Item]) {
        self.source = source
        self.items = items
    }

    init(parsing data: Data, source: String, context: XMLPartContext) throws(SpreadsheetError) {
        let handler = Handler(source: source)
        try XMLPartParser.parse(data, context: context, into: handler)
        self.init(source: source, items: handler.items)
    }

    func item(withID id: String) -> Item? {
        items.first { $0.id == id }
    }

    /// The first relationship of a kind ("sharedStrings", "styles", "officeDocument").
    func first(ofKind kind: String) -> Item? {
        items.first { $0.kind == kind }
    }

    /// Where the relationships of `part` are stored: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels";
    /// the package itself ("") → "_rels/.rels".
    static func path(describing part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        let folder = part[..<slash]
        let name = part[part.index(after: slash)...]
        return "\(folder)/_rels/\(name).rels"
    }

    /// Resolves a relationship target against the folder of its source part, as a URI reference.
    static func resolve(target: String, from source: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var segments: [Substring]
        if decoded.hasPrefix("/") {
            segments = []
        } else {
            segments = source.split(separator: "/", omittingEmptySubsequences: false)
            segments.removeLast()  // the source's own name
        }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.filter { !$0.isEmpty }.joined(separator: "/")
    }

    private final class Handler: XMLPartHandler {
        let source: String
        var items: [Item] = []

        init(source: String) {
            self.source = source
        }

        func startElement(_ name: String, attributes: [String: String]) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External"
            else { return }
            items.append(Item(
                id: id, type: attributes["Type"] ?? "",
                path: XLSXRelationships.resolve(target: target, from: source)))
        }

        func endElement(_ name: String) {}
        func characters(_ text: String) {}
    }
}
