/// An Excel number format code ("mm-dd-yy", "0.00", "[h]:mm:ss"), classified the way openpyxl
/// classifies it, so that the same cells count as dates here as in pyxform.
struct XLSXNumberFormat: Sendable, Equatable {
    var code: String

    /// Excel's built-in formats that openpyxl knows, by `numFmtId`.
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
        7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
        20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)",
        41: #"_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)"#,
        42: #"_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)"#,
        43: #"_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)"#,
        44: #"_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)"#,
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// The format shows a date or time: its first section, without quoted literals and bracketed
    /// parts other than `[h]`, `[mm]`, `[s]`…, has a d, m, y, h or s not escaped by `\` or `_`.
    var isDate: Bool {
        let kept = Self.withoutLiteralsAndLocales(firstSection)
        var previous: Character?
        for character in kept {
            if "dmhysDMHYS".contains(character), previous != "\\", previous != "_" { return true }
            previous = character
        }
        return false
    }

    /// The format shows elapsed time: its first section has `[h]`, `[mm]`, `[s]` or the like.
    var isDuration: Bool {
        let section = firstSection.lowercased()
        return ["[h]", "[hh]", "[m]", "[mm]", "[s]", "[ss]"].contains { section.contains($0) }
    }

    private var firstSection: Substring {
        code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// Removes `"…"` literals and `[…]` parts (colours, locales, conditions) except the elapsed
    /// time markers `[h]`, `[hh]`, `[m]`, `[mm]`, `[s]`, `[ss]`. An unclosed quote or bracket stays.
    private static func withoutLiteralsAndLocales(_ text: Substring) -> String {
        let characters = Array(text)
        var kept = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let closing: Character? = character == "\"" ? "\"" : character == "[" ? "]" : nil
            if let closing, let end = characters[(index + 1)...].firstIndex(of: closing) {
                let inside = String(characters[(index + 1)..<end])
                if closing == "]", ["h", "hh", "m", "mm", "s", "ss"].contains(inside) {
                    kept.append(contentsOf: characters[index...end])
                }
                index = end + 1
            } else {
                kept.append(character)
                index += 1
            }
        }
        return kept
    }
}
