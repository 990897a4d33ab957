/// A `${name}` (or `${last-saved#name}`) in a cell: XLSForm's way to point at another question
/// from labels, expressions, parameters and settings. The reader finds them all so that a
/// reference to a question that does not exist is reported where it is written, not when a
/// phone fails to open the form.
struct VariableReference: Sendable, Equatable {
    /// The question name between the braces.
    var name: String
    /// `${last-saved#name}`: the value from the last saved submission.
    var lastSaved: Bool
    /// 1-based character position of the `$` in the cell.
    var position: Int

    /// A `${` that is not followed by a question name and a closing `}`.
    struct Malformed: Error, Sendable, Equatable {
        /// 1-based character position of the `$` in the cell.
        var position: Int
    }

    /// Every reference in `text`, in order; refuses the text at the first malformed one, as
    /// pyxform does (`${}` alone is not taken for a reference).
    static func scan(_ text: String) throws(Malformed) -> [VariableReference] {
        let characters = Array(text)
        guard characters.count > 2, text.contains("${") else { return [] }
        var references: [VariableReference] = []
        var index = 0
        while index + 1 < characters.count {
            guard characters[index] == "$", characters[index + 1] == "{" else {
                index += 1
                continue
            }
            let contentStart = index + 2
            guard let close = characters[contentStart...].firstIndex(of: "}") else {
                throw Malformed(position: index + 1)
            }
            if close == contentStart {
                // "${}" is not a reference candidate; look further on.
                index += 1
                continue
            }
            let content = String(characters[contentStart..<close])
            guard let reference = parseInner(content, position: index + 1) else {
                throw Malformed(position: index + 1)
            }
            references.append(reference)
            index = close + 1
        }
        return references
    }

    /// The reference when `text` is exactly one `${name}` and nothing else, else nil.
    static func whole(_ text: String) -> VariableReference? {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count > 3 else { return nil }
        let content = text.dropFirst(2).dropLast()
        guard !content.contains("}") else { return nil }
        return parseInner(String(content), position: 1)
    }

    /// Whether `text` contains at least one well-formed reference.
    static func occurs(in text: String) -> Bool {
        guard let references = try? scan(text) else { return false }
        return !references.isEmpty
    }

    private static func parseInner(_ content: String, position: Int) -> VariableReference? {
        let prefix = "last-saved#"
        if content.hasPrefix(prefix) {
            let name = String(content.dropFirst(prefix.count))
            return XMLName.isNCName(Substring(name)) ? VariableReference(name: name, lastSaved: true, position: position) : nil
        }
        return XMLName.isNCName(Substring(content)) ? VariableReference(name: content, lastSaved: false, position: position) : nil
    }
}
