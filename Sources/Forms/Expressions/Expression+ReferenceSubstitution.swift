extension Expression {
    /// Replaces each `${name}` in `text` by `resolve(name)` and leaves every other character
    /// exactly as written (spaces, parentheses, quotes).
    ///
    /// pyxform keeps the author's text in the XForm and only swaps references for paths; this
    /// does the same, so our XForms read like pyxform's. The text is tokenised (not fully
    /// parsed), so a malformed reference or an unclosed string is still reported with its
    /// position.
    ///
    /// - Parameter includingStringLiterals: by default a `${name}` inside quotes is text and is
    ///   left alone. pyxform replaces references everywhere, and the documented XLSForm idiom
    ///   `jr:choice-name(${q}, '${q}')` relies on that; pass `true` to do the same.
    public static func substitutingReferences(
        in text: String,
        includingStringLiterals: Bool = false,
        _ resolve: (String) -> String
    ) throws(ExpressionSyntaxError) -> String {
        let characters = Array(text)
        let tokens = try ExpressionLexer.tokens(in: text)
        var result = ""
        var copied = 0
        for token in tokens {
            switch token.kind {
            case .reference(let name):
                result += String(characters[copied..<token.offset])
                result += resolve(name)
                copied = token.offset + token.length
            case .string where includingStringLiterals:
                result += String(characters[copied..<token.offset])
                result += substitutingReferences(inLiteral: token.text, resolve)
                copied = token.offset + token.length
            default:
                continue
            }
        }
        result += String(characters[copied...])
        return result
    }

    /// Replaces well-formed `${name}` inside a quoted string; anything else stays as written.
    private static func substitutingReferences(inLiteral literal: String, _ resolve: (String) -> String) -> String {
        var result = ""
        var rest = Substring(literal)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}"),
                  ExpressionLexer.isNCName(String(afterOpen[..<close]))
            else {
                result += "${"
                rest = afterOpen
                continue
            }
            result += resolve(String(afterOpen[..<close]))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return result + rest
    }
}
