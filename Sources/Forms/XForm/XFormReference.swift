/// The `${name}` references of XLSForm text (`${last-saved#name}` points at the last saved
/// submission). Finding them is plain text matching, as in pyxform; what they are replaced with
/// is ``XFormSurvey``'s business.
enum XFormReference {
    /// One `${name}` occurrence.
    struct Match: Sendable, Equatable {
        var range: Range<String.Index>
        var name: String
        var lastSaved: Bool
    }

    /// A character that may start a name (letters and `_`).
    static func isNameStart(_ character: Character) -> Bool {
        character == "_" || character.isLetter
    }

    /// A character that may continue a name.
    static func isNameCharacter(_ character: Character) -> Bool {
        isNameStart(character) || character.isNumber || character == "." || character == "-"
            || character == "\u{00B7}" || character == "\u{203F}" || character == "\u{2040}"
    }

    /// Every well-formed `${name}`, in order (scanned by hand: this runs for every expression).
    static func matches(in text: String) -> [Match] {
        guard text.contains("${") else { return [] }
        var result: [Match] = []
        var index = text.startIndex
        while let start = text[index...].range(of: "${") {
            var cursor = start.upperBound
            let lastSaved = text[cursor...].hasPrefix("last-saved#")
            if lastSaved { cursor = text.index(cursor, offsetBy: "last-saved#".count) }
            let nameStart = cursor
            if cursor < text.endIndex, isNameStart(text[cursor]) {
                cursor = text.index(after: cursor)
                while cursor < text.endIndex, isNameCharacter(text[cursor]) { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == "}" {
                    let end = text.index(after: cursor)
                    result.append(Match(range: start.lowerBound..<end, name: String(text[nameStart..<cursor]), lastSaved: lastSaved))
                    index = end
                    continue
                }
            }
            index = text.index(after: start.lowerBound)
        }
        return result
    }

    /// The `${…}` candidates as pyxform's checker sees them: the text between the braces, or nil
    /// for an unterminated `${` at the end.
    private static func candidates(in text: String) -> [Substring?] {
        var result: [Substring?] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            let afterBrace = rest[start.upperBound...]
            if let close = afterBrace.firstIndex(of: "}"), close > afterBrace.startIndex {
                result.append(afterBrace[..<close])
                rest = afterBrace[afterBrace.index(after: close)...]
            } else if afterBrace.firstIndex(of: "}") == nil {
                result.append(nil)
                break
            } else {
                rest = afterBrace
            }
        }
        return result
    }

    private static func isValidInner(_ inner: Substring?) -> Bool {
        guard var name = inner else { return false }
        if name.hasPrefix("last-saved#") { name = name.dropFirst("last-saved#".count) }
        guard let first = name.first, isNameStart(first) else { return false }
        return name.dropFirst().allSatisfy(isNameCharacter)
    }

    /// pyxform's `has_pyxform_reference`: the first `${…}` in the text is a well-formed reference.
    static func containsReference(_ text: String) -> Bool {
        guard text.count > 2, text.contains("${") else { return false }
        guard let first = candidates(in: text).first else { return false }
        return isValidInner(first)
    }

    /// The text is exactly one reference, such as `${count}`.
    static func isReference(_ text: String) -> Bool {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count > 3 else { return false }
        let inner = text.dropFirst(2).dropLast()
        return !inner.contains("}") && isValidInner(inner)
    }

    /// Whether any well-formed `${last-saved#name}` occurs.
    static func containsLastSavedReference(_ text: String) -> Bool {
        text.count > 14 && matches(in: text).contains { $0.lastSaved }
    }

    /// The referenced names, in order.
    static func names(in text: String) -> [String] {
        matches(in: text).map(\.name)
    }
}
