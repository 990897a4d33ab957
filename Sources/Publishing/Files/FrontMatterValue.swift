import Foundation

/// A value of the YAML front matter of a Markdown file (Open SDG metadata), written in the
/// plainest form that stays exact: text always double-quoted (so "yes", "1.10" or a colon stay
/// text, as YAML would otherwise read them as a flag, a number or a mapping), flags and lists as
/// YAML has them.
enum FrontMatterValue {
    case text(String)
    case flag(Bool)
    case list([String])
    case records([[(String, String)]])

    func yaml(key: String) -> String {
        switch self {
        case .text(let text): "\(key): \(Self.quoted(text))\n"
        case .flag(let flag): "\(key): \(flag)\n"
        case .list(let items): items.isEmpty ? "\(key): []\n" : "\(key):\n" + items.map { "  - \(Self.quoted($0))\n" }.joined()
        case .records(let records):
            "\(key):\n" + records.map { record in
                record.enumerated().map { index, field in "\(index == 0 ? "  - " : "    ")\(field.0): \(Self.quoted(field.1))\n" }.joined()
            }.joined()
        }
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped, so any
    /// text a framework holds reads back unchanged.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
