/// Text made safe for the XML files Counted writes (SDMX-ML structures, spreadsheet parts).
///
/// Titles, labels and project names are typed by people, so any of them may hold `<`, `&` or a
/// quote, and text pasted from elsewhere may hold control characters that XML 1.0 does not allow
/// at all. Escaping in one place means no label can break a file or smuggle markup into it.
enum XMLText {
    /// `text` safe both as element content and inside a double- or single-quoted attribute;
    /// characters XML 1.0 cannot carry (most control characters) are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// The characters of XML 1.0 (its `Char` production): tab, line feed, carriage return and
    /// everything from the space on, except the surrogates (which Swift strings never hold) and
    /// U+FFFE and U+FFFF.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
