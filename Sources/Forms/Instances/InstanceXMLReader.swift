/// Reads a submission's XML into an ``InstanceNode`` tree, strictly, in one pass over its bytes.
///
/// Why not a general XML parser: every OpenRosa POST is read this way, and building the tree
/// through a SAX parser's callbacks (a string and a dictionary per event) cost more than the rest
/// of reading the submission. Instances are plain XML, so this reads XML 1.0 documents in UTF-8:
/// elements, attributes, namespaces, character and entity references, CDATA, comments and
/// processing instructions. It refuses what ODK Collect, Enketo and KoboCollect never send and a
/// hostile client might: a document type declaration (and with it any entity of its own, so no
/// entity can expand), and any encoding but UTF-8. Every refusal names the line and character.
struct InstanceXMLReader {
    private let bytes: [UInt8]
    private var position = 0
    /// Lines counted up to `countedTo` (a newline at an index below it has been counted).
    private var linesBefore = 1
    private var countedTo = 0

    /// A document that is not well-formed, where it breaks and why.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The root element of `bytes`, or the first reason it is not a well-formed document.
    static func read(_ bytes: [UInt8]) throws(InstanceError) -> InstanceNode {
        var reader = InstanceXMLReader(bytes)
        do {
            return try reader.document()
        } catch {
            let (line, column) = reader.lineAndColumn(of: min(error.offset, bytes.count))
            throw .malformed(line: line, column: column, reason: error.reason)
        }
    }

    // MARK: - Document

    private mutating func document() throws(Failure) -> InstanceNode {
        if let invalid = Self.firstInvalidUTF8(bytes) {
            throw Failure(offset: invalid, reason: "it is not valid UTF-8 text (send the XML in UTF-8)")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if starts(with: "<?xml") && position + 5 < bytes.count && Self.isSpace(bytes[position + 5]) {
            try declaration()
        }
        try miscellany()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "<") else {
            throw Failure(offset: position, reason: position < bytes.count
                ? "the document does not start with an element (text comes before the first tag)"
                : "the document has no root element")
        }
        let root = try elements()
        try miscellany()
        guard position == bytes.count else {
            throw Failure(offset: position, reason: "there is more after the root element </\(root.name)> is closed")
        }
        return root
    }

    /// `<?xml version="1.0" encoding="…"?>`: only UTF-8 (or its subset ASCII) is read.
    private mutating func declaration() throws(Failure) {
        let start = position
        guard let end = find("?>", from: position + 5) else {
            throw Failure(offset: start, reason: "the XML declaration <?xml … is never closed with ?>")
        }
        let text = String(decoding: bytes[(start + 5)..<end], as: UTF8.self)
        if let range = text.range(of: "encoding") {
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
            let quote = rest.first
            let name = rest.dropFirst().prefix { $0 != quote }.lowercased()
            guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(name) else {
                throw Failure(offset: start, reason: "the document says it is encoded as '\(name)'; send it in UTF-8")
            }
        }
        position = end + 2
    }

    /// Whitespace, comments and processing instructions around the root element.
    private mutating func miscellany() throws(Failure) {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) {
                position += 1
            } else if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if starts(with: "<!DOCTYPE") {
                throw Failure(offset: position, reason: "it has a document type declaration (<!DOCTYPE …>), which a submission never needs; "
                    + "it is refused so that no entity it defines can be expanded")
            } else {
                return
            }
        }
    }

    // MARK: - Elements

    /// An open element: its node so far, its qualified name, and how many namespace
    /// declarations it added.
    private struct Open {
        var node: InstanceNode
        var qualifiedName: String
        var offset: Int
        var declared: Int
    }

    /// The root element and everything in it. Iterative, so that deep nesting cannot exhaust the stack.
    private mutating func elements() throws(Failure) -> InstanceNode {
        var open: [Open] = []
        var namespaces: [(prefix: String, uri: String)] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                if starts(with: "</") {
                    let start = position
                    position += 2
                    let name = try self.name(what: "an end tag")
                    skipSpaces()
                    try expect(">", in: "the end tag </\(name)")
                    guard let element = open.popLast() else {
                        throw Failure(offset: start, reason: "the end tag </\(name)> closes nothing")
                    }
                    guard element.qualifiedName == name else {
                        throw Failure(offset: start, reason: "the end tag </\(name)> does not match <\(element.qualifiedName)> "
                            + "opened on line \(line(of: element.offset))")
                    }
                    namespaces.removeLast(element.declared)
                    if open.isEmpty { return element.node }
                    open[open.count - 1].node.children.append(element.node)
                } else if starts(with: "<!--") {
                    try comment()
                } else if starts(with: "<![CDATA[") {
                    guard let end = find("]]>", from: position + 9) else {
                        throw Failure(offset: position, reason: "a CDATA section is never closed with ]]>")
                    }
                    try checkCharacters(position + 9, end)
                    open[open.count - 1].node.text += normalizedLineEnds(bytes[(position + 9)..<end])
                    position = end + 3
                } else if starts(with: "<?") {
                    try processingInstruction()
                } else if starts(with: "<!") {
                    throw Failure(offset: position, reason: "a declaration (<!…) cannot appear inside an element")
                } else {
                    let start = try startTag(namespaces: &namespaces)
                    if start.isEmpty {
                        namespaces.removeLast(start.element.declared)
                        if open.isEmpty { return start.element.node }
                        open[open.count - 1].node.children.append(start.element.node)
                    } else {
                        open.append(start.element)
                    }
                }
            } else if open.isEmpty {
                throw Failure(offset: position, reason: "the document does not start with an element")
            } else if byte == UInt8(ascii: "&") {
                open[open.count - 1].node.text += try reference()
            } else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<"), bytes[position] != UInt8(ascii: "&") { position += 1 }
                try checkCharacters(start, position)
                open[open.count - 1].node.text += normalizedLineEnds(bytes[start..<position])
            }
        }
        let unclosed = open.last.map { "<\($0.qualifiedName)> (line \(line(of: $0.offset)))" } ?? "the root element"
        throw Failure(offset: bytes.count, reason: "the document ends before \(unclosed) is closed")
    }

    /// `<name attribute="value" …>` or `<name … />`, with its namespace declarations pushed.
    private mutating func startTag(namespaces: inout [(prefix: String, uri: String)]) throws(Failure) -> (element: Open, isEmpty: Bool) {
        let offset = position
        position += 1
        let qualifiedName = try name(what: "an element name (escape < in text as &lt;)")
        var attributes: [FormAttribute] = []
        var declared = 0
        while true {
            let hadSpace = skipSpaces()
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: ">") || starts(with: "/>") { break }
            guard hadSpace else { throw Failure(offset: position, reason: "attributes of <\(qualifiedName)> must be separated by spaces") }
            let attributeOffset = position
            let attribute = try name(what: "an attribute name in <\(qualifiedName)>")
            skipSpaces()
            try expect("=", in: "the attribute \(attribute) of <\(qualifiedName)>")
            skipSpaces()
            let value = try attributeValue(of: attribute)
            if attribute == "xmlns" || attribute.hasPrefix("xmlns:") {
                namespaces.append((attribute == "xmlns" ? "" : String(attribute.dropFirst(6)), value))
                declared += 1
            } else {
                guard !attributes.contains(where: { $0.name == attribute }) else {
                    throw Failure(offset: attributeOffset, reason: "<\(qualifiedName)> has the attribute \(attribute) twice")
                }
                attributes.append(FormAttribute(name: attribute, value: value))
            }
        }
        let isEmpty = starts(with: "/>")
        guard position < bytes.count else {
            throw Failure(offset: offset, reason: "the start tag <\(qualifiedName) is never closed with >")
        }
        position += isEmpty ? 2 : 1
        let (prefix, local) = Self.split(qualifiedName)
        let uri = namespaces.last(where: { $0.prefix == prefix })?.uri ?? ""
        attributes.sort { $0.name < $1.name }
        let node = InstanceNode(name: local, namespace: uri.isEmpty ? nil : uri, attributes: attributes,
                                line: line(of: offset))
        return (Open(node: node, qualifiedName: qualifiedName, offset: offset, declared: declared), isEmpty)
    }

    /// A quoted attribute value, references replaced and whitespace characters made spaces (XML's
    /// attribute-value normalisation).
    private mutating func attributeValue(of attribute: String) throws(Failure) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw Failure(offset: position, reason: "the value of the attribute \(attribute) must be in quotes")
        }
        let quote = bytes[position]
        position += 1
        var value = ""
        var start = position
        while true {
            guard position < bytes.count else {
                throw Failure(offset: start, reason: "the value of the attribute \(attribute) is never closed")
            }
            let byte = bytes[position]
            if byte == quote || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") {
                try checkCharacters(start, position)
                // Line ends first (\r\n is one), then every whitespace character a space.
                let piece = normalizedLineEnds(bytes[start..<position])
                value += String(decoding: piece.utf8.map { Self.isSpace($0) ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
                if byte == quote {
                    position += 1
                    return value
                }
                if byte == UInt8(ascii: "<") { throw Failure(offset: position, reason: "the value of the attribute \(attribute) contains <") }
                value += try reference()
                start = position
            } else {
                position += 1
            }
        }
    }

    /// `&name;`, `&#decimal;` or `&#xhex;`: the five entities XML predefines, or a character.
    private mutating func reference() throws(Failure) -> String {
        let start = position
        guard let end = bytes[position...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw Failure(offset: start, reason: "a & is not part of a reference (escape & as &amp;)")
        }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        position = end + 1
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else {
                throw Failure(offset: start, reason: "it uses the undefined entity &\(name); (escape & as &amp;)")
            }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw Failure(offset: start, reason: "the character reference &\(name); is not a character XML allows")
            }
            return String(Character(scalar))
        }
    }

    // MARK: - Skipped constructs

    private mutating func comment() throws(Failure) {
        guard let end = find("-->", from: position + 4) else {
            throw Failure(offset: position, reason: "a comment <!-- is never closed with -->")
        }
        position = end + 3
    }

    private mutating func processingInstruction() throws(Failure) {
        guard let end = find("?>", from: position + 2) else {
            throw Failure(offset: position, reason: "a processing instruction <? is never closed with ?>")
        }
        if starts(with: "<?xml"), position + 5 < bytes.count, Self.isSpace(bytes[position + 5]) || bytes[position + 5] == UInt8(ascii: "?") {
            throw Failure(offset: position, reason: "the XML declaration <?xml …?> may only come first")
        }
        position = end + 2
    }

    // MARK: - Pieces

    /// A name: letters, digits, `_`, `-`, `.`, `:` and any non-ASCII character, not starting with a digit, `-` or `.`.
    private mutating func name(what: String) throws(Failure) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start, !Self.isDigit(bytes[start]), bytes[start] != UInt8(ascii: "-"), bytes[start] != UInt8(ascii: ".") else {
            throw Failure(offset: start, reason: "\(what) is expected here")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private mutating func expect(_ text: String, in what: String) throws(Failure) {
        guard starts(with: text) else { throw Failure(offset: position, reason: "\(what) needs \(text) here") }
        position += text.utf8.count
    }

    private func starts(with text: String) -> Bool {
        var index = position
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard let first = pattern.first, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// Control characters other than tab, line feed and carriage return are not XML.
    private func checkCharacters(_ start: Int, _ end: Int) throws(Failure) {
        for index in start..<end where bytes[index] < 0x20 && bytes[index] != 0x09 && bytes[index] != 0x0A && bytes[index] != 0x0D {
            throw Failure(offset: index, reason: "it contains a character XML does not allow (control character \(bytes[index]))")
        }
    }

    /// Text with `\r\n` and lone `\r` read as `\n`, as XML requires.
    private func normalizedLineEnds(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(0x0D) else { return String(decoding: slice, as: UTF8.self) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(slice.count)
        var previousWasCR = false
        for byte in slice {
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 0x0D
            normalized.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: normalized, as: UTF8.self)
    }

    /// The 1-based line of `offset`: counted on from where the last call stopped, since
    /// elements are read in order.
    private mutating func line(of offset: Int) -> Int {
        if offset < countedTo {
            linesBefore = 1
            countedTo = 0
        }
        for index in countedTo..<offset where bytes[index] == 0x0A { linesBefore += 1 }
        countedTo = offset
        return linesBefore
    }

    /// The 1-based line and character (not byte) of `offset`, for messages.
    private mutating func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let line = line(of: offset)
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let characters = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 }
        return (line, characters + 1)
    }

    private static func split(_ qualifiedName: String) -> (prefix: String, local: String) {
        guard let colon = qualifiedName.utf8.firstIndex(of: UInt8(ascii: ":")) else { return ("", qualifiedName) }
        return (String(qualifiedName[..<colon]), String(qualifiedName[qualifiedName.utf8.index(after: colon)...]))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
            true
        default:
            false
        }
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, and everything from the space on
    /// except surrogates, U+FFFE and U+FFFF.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return index
            }
            guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
