extension String {
    /// The text with `&`, `<`, `>` and, for attribute values (`quotes`), `"` escaped; `'` and
    /// line ends are left alone, as pyxform writes them. XForms, form lists and every OpenRosa
    /// answer are written with it, so text with nothing to escape (most of it) is checked on
    /// bytes and returned as it is.
    public func xmlEscaped(quotes: Bool) -> String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || (quotes && $0 == UInt8(ascii: "\"")) })
        else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        // By scalar: a combining mark after `&` must not hide it inside one Character.
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
