/// A value an expression produces: the four XPath 1.0 types.
///
/// Answers are stored as text, so node-sets here hold the text of each node; that is all the
/// server needs to check a submission or compute a calculation. The conversions follow
/// XPath 1.0 (`string()`, `number()`, `boolean()`), with ODK's extension that `number()` turns a
/// date or dateTime into days since 1970-01-01.
public enum ExpressionValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    /// The text of each node, in document order. Empty when no node matched.
    case nodeSet([String])

    /// XPath `string()`: a node-set gives its first node's text (or "" when empty); numbers are
    /// written without exponent, integers without a decimal point, `NaN` and `Infinity` as such.
    public var stringValue: String {
        switch self {
        case .string(let text): text
        case .number(let number): ExpressionValue.text(of: number)
        case .boolean(let flag): flag ? "true" : "false"
        case .nodeSet(let nodes): nodes.first ?? ""
        }
    }

    /// XPath `number()`: text that is not a number (including "") gives NaN; a date gives its
    /// days since 1970-01-01 (ODK), so `date('2020-01-31') + 1` works.
    public var numberValue: Double {
        switch self {
        case .string(let text): ExpressionValue.number(fromText: text)
        case .number(let number): number
        case .boolean(let flag): flag ? 1 : 0
        case .nodeSet(let nodes): ExpressionValue.number(fromText: nodes.first ?? "")
        }
    }

    /// XPath `boolean()`: non-empty text, a number other than 0 and NaN, a non-empty node-set.
    /// Note that the text "false" is true; use `boolean-from-string()` for stored booleans.
    public var booleanValue: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .number(let number): number != 0 && !number.isNaN
        case .boolean(let flag): flag
        case .nodeSet(let nodes): !nodes.isEmpty
        }
    }

    /// The value as text for each item: every node of a node-set, or the one string value.
    /// Used by ODK functions that accept node-sets in place of single values (`concat`, `join`,
    /// `sum`, `max`, `min`, `checklist`).
    var texts: [String] {
        if case .nodeSet(let nodes) = self { return nodes }
        return [stringValue]
    }

    // MARK: - Number conversions

    /// XPath `number()` of text: optional spaces, optional `-`, digits with an optional decimal
    /// point. No exponent, no `+`, no thousands separators. ODK adds dates and dateTimes.
    static func number(fromText text: String) -> Double {
        let trimmed = text.trimmingXPathWhitespace()
        if let number = decimalNumber(trimmed) { return number }
        if let moment = ExpressionDateTime(dateOrDateTime: trimmed) { return Double(moment.daysSinceEpoch) }
        return .nan
    }

    /// `-?digits(.digits)?`, either side of the point may be empty but not both; checked on the
    /// bytes, since every comparison with an answer reads one.
    private static func decimalNumber(_ text: String) -> Double? {
        var sawDigit = false
        var sawPoint = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: ".") where !sawPoint: sawPoint = true
            case UInt8(ascii: "-") where offset == 0: continue
            default: return nil
            }
        }
        return sawDigit ? Double(text) : nil
    }

    /// XPath `string()` of a number: no exponent, no trailing `.0`.
    static func text(of number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return "0" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return plainDecimal(number.description)
    }

    /// Rewrites Swift's shortest representation (`1e-07`, `1.5e+20`) without an exponent.
    static func plainDecimal(_ shortest: String) -> String {
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest }
        var mantissa = Substring(shortest[..<e])
        let negative = mantissa.first == "-"
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        let digits = Array(mantissa.filter { $0 != "." })
        let newPoint = point + exponent
        var text: String
        if newPoint <= 0 {
            text = "0." + String(repeating: "0", count: -newPoint) + String(digits)
        } else if newPoint >= digits.count {
            text = String(digits) + String(repeating: "0", count: newPoint - digits.count)
        } else {
            text = String(digits[..<newPoint]) + "." + String(digits[newPoint...])
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}

extension String {
    /// Without leading and trailing XPath (and XML) whitespace: space, tab, carriage return, line
    /// feed. Pure Swift, so hot paths such as reading submissions avoid Foundation bridging.
    public func trimmingXPathWhitespace() -> String {
        // XPath whitespace is ASCII, so bytes suffice; a string without any is returned as it is.
        let bytes = utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        let end = bytes.index(after: last)  // the end, or a space: both on a character boundary
        if first == bytes.startIndex && end == bytes.endIndex { return self }
        return String(self[first..<end])
    }
}
