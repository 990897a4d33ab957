/// A small XML element tree, printed the way pyxform prints its XForms (two-space indents, text
/// kept on one line), so that our output can be read side by side with the reference converter's.
/// Attributes keep the order they were set in; setting one again replaces its value in place.
struct MarkupElement: Sendable, Equatable {
    /// One child: an element, or text (escaped when printed).
    enum Content: Sendable, Equatable {
        case element(MarkupElement)
        case text(String)
    }

    /// One attribute; the name may carry a prefix (`jr:count`).
    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    var name: String
    private(set) var attributes: [Attribute]
    var children: [Content]

    init(_ name: String, attributes: [(String, String)] = [], children: [Content] = []) {
        self.name = name
        self.attributes = []
        self.children = children
        for (key, value) in attributes { setAttribute(key, value) }
    }

    /// An element whose only child is `text`.
    init(_ name: String, text: String, attributes: [(String, String)] = []) {
        self.init(name, attributes: attributes, children: [.text(text)])
    }

    /// Sets an attribute, replacing the value of an existing one where it stands.
    mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(Attribute(name: name, value: value))
        }
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    mutating func append(_ element: MarkupElement) {
        children.append(.element(element))
    }

    mutating func append(contentsOf elements: [MarkupElement]) {
        children.append(contentsOf: elements.map { .element($0) })
    }

    /// The child elements, in order (text is skipped).
    var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The document as pyxform's pretty printer writes it, with the XML declaration.
    func document() -> String {
        var output = "<?xml version=\"1.0\"?>\n"
        write(to: &output, indent: "")
        return output
    }

    /// Element-only content goes on indented lines; text or mixed content stays on one line.
    private func write(to output: inout String, indent: String, inline: Bool = false) {
        let newline = inline ? "" : "\n"
        output += indent + "<" + name
        for attribute in attributes {
            output += " \(attribute.name)=\"\(attribute.value.xmlEscaped(quotes: true))\""
        }
        guard !children.isEmpty else {
            output += "/>" + newline
            return
        }
        output += ">"
        let hasText = children.contains { if case .text = $0 { true } else { false } }
        if hasText || inline {
            // minidom in pyxform pads with a space before a leading text and after the last child.
            let padded = hasText && children.count > 1
            if padded, case .text = children[0] { output += " " }
            for child in children {
                switch child {
                case .text(let text): output += text.xmlEscaped(quotes: false)
                case .element(let element): element.write(to: &output, indent: "", inline: true)
                }
            }
            if padded { output += " " }
        } else {
            output += "\n"
            for case .element(let element) in children {
                element.write(to: &output, indent: indent + "  ")
            }
            output += indent
        }
        output += "</\(name)>" + newline
    }

    /// Undoes `xmlEscaped(quotes: false)` (used where pyxform escapes text, edits it, then parses
    /// it back).
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[ampersand...]
            if tail.hasPrefix("&amp;") {
                result += "&"
                rest = tail.dropFirst(5)
            } else if tail.hasPrefix("&lt;") {
                result += "<"
                rest = tail.dropFirst(4)
            } else if tail.hasPrefix("&gt;") {
                result += ">"
                rest = tail.dropFirst(4)
            } else {
                result += "&"
                rest = tail.dropFirst()
            }
        }
        result += rest
        return result
    }
}
