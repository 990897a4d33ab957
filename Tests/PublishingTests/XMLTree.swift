import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read into a tree, so tests can look at what an export wrote the way a reader
/// of the format would, rather than by searching its text. Names keep their prefixes
/// ("str:Codelist"), as the files write them.
struct XMLTree: Sendable, Hashable {
    var name: String
    var attributes: [String: String]
    var children: [XMLTree]
    var text: String

    /// Nil when the text is not well-formed XML.
    static func parse(_ text: String) -> XMLTree? {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.stack.first?.children.first else { return nil }
        return root
    }

    /// Every element below this one (not itself) named `name`, in document order.
    func all(_ name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    func first(_ name: String) -> XMLTree? { all(name).first }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack = [XMLTree(name: "", attributes: [:], children: [], text: "")]

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLTree(name: elementName, attributes: attributes, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done)
        }
    }
}
