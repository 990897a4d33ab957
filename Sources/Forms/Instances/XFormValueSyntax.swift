/// The lexical rules of XForm value types (ODK XForms spec, "Data types"), checked on the text a
/// device submitted. Each check returns a problem in words, or nil when the text is valid.
enum XFormValueSyntax {
    /// The number an `int` or `decimal` text stands for, when it is one.
    static func number(_ text: String, _ type: InstanceValueType) -> Double? {
        switch type {
        case .int: isInteger(text) ? Double(text.hasPrefix("+") ? String(text.dropFirst()) : text) : nil
        case .decimal: isDecimal(text) ? Double(text.hasPrefix("+") ? String(text.dropFirst()) : text) : nil
        default: nil
        }
    }

    /// What is wrong with `text` as a value of `type`; nil when nothing is.
    static func problem(_ text: String, _ type: InstanceValueType) -> String? {
        switch type {
        case .int:
            guard isInteger(text) else { return "Expected a whole number, but got '\(text)'." }
            guard Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) != nil else { return "The number '\(text)' is too large." }
            return nil
        case .decimal:
            return isDecimal(text) ? nil : "Expected a number (like 12 or 3.5), but got '\(text)'."
        case .boolean:
            return ["true", "false", "1", "0"].contains(text) ? nil : "Expected true or false, but got '\(text)'."
        case .date:
            return isDate(text) ? nil : "Expected a date written YYYY-MM-DD (like 2024-11-01), but got '\(text)'."
        case .time:
            return isTime(text) ? nil : "Expected a time written HH:MM:SS (like 14:30:00.000+02:00), but got '\(text)'."
        case .dateTime:
            let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, isDate(String(parts[0])), isTime(String(parts[1])) else {
                return "Expected a date and time written YYYY-MM-DDTHH:MM:SS (like 2024-11-01T14:30:00.000+02:00), but got '\(text)'."
            }
            return nil
        case .geopoint:
            return geopointProblem(text)
        case .geotrace, .geoshape:
            let points = text.split(separator: ";").map { String($0).trimmingXPathWhitespace() }.filter { !$0.isEmpty }
            for (index, point) in points.enumerated() {
                if let problem = geopointProblem(point) { return "Point \(index + 1): \(problem)" }
            }
            let minimum = type == .geotrace ? 2 : 3
            guard points.count >= minimum else {
                return "A \(type == .geotrace ? "line" : "shape") needs at least \(minimum) points separated by ';', but got \(points.count)."
            }
            return nil
        case .string, .select1, .select, .rank, .binary, .barcode, .repeat, .unknown:
            return nil
        }
    }

    static func isInteger(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// xsd:decimal: an optional sign, digits, and at most one decimal point (no exponent, no NaN).
    static func isDecimal(_ text: String) -> Bool {
        isDecimal(text.utf8[...])
    }

    static func isDecimal(_ text: Substring.UTF8View) -> Bool {
        var body = text
        if let sign = body.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { body = body.dropFirst() }
        var points = 0
        var digits = 0
        for byte in body {
            if byte == UInt8(ascii: ".") { points += 1 } else if isDigit(byte) { digits += 1 } else { return false }
        }
        return points <= 1 && digits > 0
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// HH:MM:SS with optional fraction, and an optional zone (Z or ±HH:MM).
    static func isTime(_ text: String) -> Bool {
        var clock = Array(text.utf8)[...]
        if clock.last == UInt8(ascii: "Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let zone = clock[(sign + 1)...]
            guard zone.count == 5, zone[zone.startIndex + 2] == UInt8(ascii: ":"),
                  let hours = number(zone.prefix(2)), let minutes = number(zone.suffix(2)),
                  (0...14).contains(hours), (0...59).contains(minutes) else { return false }
            clock = clock[..<sign]
        }
        let start = clock.startIndex
        guard clock.count >= 8, clock[start + 2] == UInt8(ascii: ":"), clock[start + 5] == UInt8(ascii: ":"),
              let hours = number(clock[start..<start + 2]), let minutes = number(clock[start + 3..<start + 5]),
              let seconds = number(clock[start + 6..<start + 8]),
              (0...23).contains(hours), (0...59).contains(minutes), (0...59).contains(seconds) else { return false }
        let fraction = clock[(start + 8)...]
        guard let point = fraction.first else { return true }
        return point == UInt8(ascii: ".") && fraction.count > 1 && fraction.dropFirst().allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The value of a run of ASCII digits; nil when any byte is not a digit.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return digits.isEmpty ? nil : value
    }

    /// "latitude longitude [altitude [accuracy]]".
    static func geopointProblem(_ text: String) -> String? {
        let parts = text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        let numbers = parts.map { isDecimal($0) ? Double(Substring($0).drop { $0 == "+" }) : nil }
        guard (2...4).contains(parts.count), numbers.allSatisfy({ $0 != nil }) else {
            return "Expected a location written 'latitude longitude altitude accuracy' (like '-1.2921 36.8219 1650 5'), but got '\(text)'."
        }
        if let latitude = numbers[0], !(-90...90).contains(latitude) { return "The latitude \(Substring(parts[0])) is outside -90 to 90." }
        if let longitude = numbers[1], !(-180...180).contains(longitude) { return "The longitude \(Substring(parts[1])) is outside -180 to 180." }
        return nil
    }
}
