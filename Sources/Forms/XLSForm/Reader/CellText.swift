import Foundation

/// How a cell's text is tidied before any rule looks at it, as pyxform tidies it: authors copy
/// text from word processors, so curly quotes would otherwise break expressions, and a double
/// space in `select_one  yes_no` would otherwise make the type unreadable.
enum CellText {
    /// Trims the text, turns curly quotes into straight ones, and (on the survey sheet, unless
    /// the `clean_text_values` setting is `no`) collapses runs of spaces into one.
    static func clean(_ text: String, collapseSpaces: Bool) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.isEmpty { return result }
        if result.unicodeScalars.contains(where: { smartQuotes[$0] != nil }) {
            result = String(String.UnicodeScalarView(result.unicodeScalars.map { smartQuotes[$0] ?? $0 }))
        }
        if collapseSpaces, result.contains("  ") {
            var collapsed = ""
            var previousWasSpace = false
            for character in result {
                if character == " " {
                    if !previousWasSpace { collapsed.append(character) }
                    previousWasSpace = true
                } else {
                    collapsed.append(character)
                    previousWasSpace = false
                }
            }
            result = collapsed
        }
        return result
    }

    /// A header tidied as pyxform tidies headers: trimmed, inner runs of whitespace made one space.
    static func cleanHeader(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    private static let smartQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
    ]
}
