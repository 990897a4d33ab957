import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document reduced to what it means, so that our XForm and pyxform's can be compared
/// although they differ in things XML gives no meaning to: attribute order, indentation between
/// elements, and the order of an itext `<text>`'s `<value>` forms (pyxform's comes from a Python
/// set and changes from run to run).
struct XMLCanonicalForm {
    /// One line per element: indentation, tag with sorted attributes, and any text content.
    let lines: [String]

    init(parsing xml: String) throws {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw CanonicalFormError(message: "not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "no root element")")
        }
        var lines: [String] = []
        Self.render(root, depth: 0, into: &lines)
        self.lines = lines
    }

    /// The first lines where two documents differ, for a readable test failure.
    func differences(from other: XMLCanonicalForm, limit: Int = 6) -> String {
        var report: [String] = []
        let count = max(lines.count, other.lines.count)
        for index in 0..<count where report.count < limit {
            let mine = index < lines.count ? lines[index] : "<missing>"
            let theirs = index < other.lines.count ? other.lines[index] : "<missing>"
            if mine != theirs { report.append("line \(index + 1):\n  ours:     \(mine)\n  expected: \(theirs)") }
        }
        return report.joined(separator: "\n")
    }

    private final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Child] = []
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
    }

    private enum Child {
        case element(Node)
        case text(String)
    }

    private static func render(_ node: Node, depth: Int, into lines: inout [String]) {
        let attributes = node.attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
        var children = node.children
        let hasElements = children.contains { if case .element = $0 { true } else { false } }
        let texts = children.compactMap { if case .text(let text) = $0 { text } else { nil } }
        if hasElements, texts.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            children = children.filter { if case .element = $0 { true } else { false } }
        }
        if node.name == "text" {
            children = sortedValues(children)
        }
        let indent = String(repeating: "  ", count: depth)
        let isMixed = children.contains { if case .text = $0 { true } else { false } }
        if isMixed {
            let inline = children.map { child -> String in
                switch child {
                case .text(let text): "«\(text)»"
                case .element(let element): inlineForm(element)
                }
            }.joined()
            lines.append("\(indent)<\(node.name)\(attributes)>\(inline)")
        } else {
            lines.append("\(indent)<\(node.name)\(attributes)>")
            for case .element(let element) in children { render(element, depth: depth + 1, into: &lines) }
        }
    }

    private static func inlineForm(_ node: Node) -> String {
        let attributes = node.attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
        let content = node.children.map { child -> String in
            switch child {
            case .text(let text): "«\(text)»"
            case .element(let element): inlineForm(element)
            }
        }.joined()
        return "<\(node.name)\(attributes)>\(content)</\(node.name)>"
    }

    private static func sortedValues(_ children: [Child]) -> [Child] {
        children.enumerated().sorted { left, right in
            let leftForm = form(of: left.element), rightForm = form(of: right.element)
            return leftForm == rightForm ? left.offset < right.offset : leftForm < rightForm
        }.map(\.element)
    }

    private static func form(of child: Child) -> String {
        if case .element(let node) = child { return node.attributes["form"] ?? "" }
        return ""
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Node?
        private var stack: [Node] = []
        private var pendingText = ""

        private func flushText() {
            guard !pendingText.isEmpty, let top = stack.last else { return }
            top.children.append(.text(pendingText))
            pendingText = ""
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            flushText()
            let node = Node(name: qualifiedName ?? elementName, attributes: attributes)
            stack.last?.children.append(.element(node))
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            flushText()
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            pendingText += string
        }
    }
}

struct CanonicalFormError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
