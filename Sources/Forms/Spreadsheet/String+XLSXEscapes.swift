extension String {
    /// Decodes Office Open XML's escapes for characters XML cannot hold: `_x000D_` is a carriage
    /// return, and `_x005F_` is a literal underscore that protects text which only looks like an
    /// escape (Excel writes the text `_x0041_` as `_x005F_x0041_`).
    ///
    /// openpyxl (and so pyxform) only drops `x005F_` and leaves other escapes as written; decoding
    /// them as the standard says gives the text the author typed.
    func decodingXLSXEscapes() -> String {
        guard contains("_x") else { return self }
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
               scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               scalars[(index + 2)..<(index + 6)].allSatisfy(\.properties.isASCIIHexDigit),
               let decoded = Unicode.Scalar(value) {
                result.append(decoded)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
