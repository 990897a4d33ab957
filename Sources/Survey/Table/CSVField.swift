/// Writing one CSV field: quoted (with inner quotes doubled) only when it holds a comma, a quote
/// or a line break, as RFC 4180 asks, so plain values stay readable and every CSV that Counted
/// prints reads back the same.
public enum CSVField {
    public static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number in full (it reads back to the same double); empty for nil, NaN or infinity.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return "\(value)"
    }
}
