import Foundation

/// A number stored in a cell (`<v>3</v>`, `<v>2.5</v>`, `<v>1E-3</v>`), read as openpyxl reads it
/// and written as text the way pyxform writes it: whole numbers without a decimal point ("3", not
/// "3.0"), other numbers as Python's `str(float)`, the shortest text that reads back as the same
/// number ("0.1", "2.5", "1e-05").
enum XLSXNumber: Sendable, Equatable {
    /// Text without ".", "e" or "E": a whole number of any size, kept as its digits ("-12").
    case integer(String)
    case real(Double)

    /// Nil when the text is not a number.
    init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            guard let value = Double(text) else { return nil }
            self = .real(value)
            return
        }
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let significant = digits.drop { $0 == "0" }
        if significant.isEmpty {
            self = .integer("0")
        } else {
            self = .integer((negative ? "-" : "") + significant)
        }
    }

    var doubleValue: Double {
        switch self {
        case .integer(let digits): Double(digits) ?? .nan
        case .real(let value): value
        }
    }

    /// The text pyxform would put in the form for this cell.
    var text: String {
        switch self {
        case .integer(let digits):
            return digits
        case .real(let value):
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            if value == value.rounded(.towardZero) { return Self.wholeNumberText(value) }
            return Self.shortestText(value)
        }
    }

    /// Python's `str(int(value))` for a whole `Double`: every digit, even beyond 2^63.
    static func wholeNumberText(_ value: Double) -> String {
        if abs(value) < 9.2e18 { return String(Int64(value)) }
        // value = significand × 2^(exponent - 52) exactly; multiply out in base-10^9 limbs.
        let base: UInt64 = 1_000_000_000
        var significand = UInt64(value.significandBitPattern | (1 << 52))
        var limbs: [UInt64] = []  // least significant first
        while significand > 0 {
            limbs.append(significand % base)
            significand /= base
        }
        for _ in 0..<(Int(value.exponent) - 52) {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % base
                carry = doubled / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = value < 0 ? "-" : ""
        for (position, limb) in limbs.reversed().enumerated() {
            let digits = String(limb)
            if position > 0 { text += String(repeating: "0", count: 9 - digits.count) }
            text += digits
        }
        return text
    }

    /// Python's `repr(float)`: the shortest digits that read back as `value`, in fixed notation
    /// when the decimal exponent is from -4 to 15, otherwise as "1.5e-07" / "1e+16".
    static func shortestText(_ value: Double) -> String {
        // Swift's description also gives the shortest round-trip digits; only the layout differs.
        let description = abs(value).description
        let parts = description.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts.first ?? ""
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count) + exponent
        while digits.first == "0", digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0", digits.count > 1 { digits.removeLast() }

        let sign = value < 0 ? "-" : ""
        let decimalExponent = pointPosition - 1
        if decimalExponent >= -4 && decimalExponent < 16 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
            }
            if pointPosition >= digits.count {
                return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
        }
        let fraction = digits.count > 1 ? "." + String(digits[1...]) : ""
        let exponentDigits = String(abs(decimalExponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return sign + String(digits[0]) + fraction + "e" + (decimalExponent < 0 ? "-" : "+") + paddedExponent
    }
}
