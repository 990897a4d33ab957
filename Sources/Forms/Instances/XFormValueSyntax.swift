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
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// xsd:decimal: an optional sign, digits, and at most one decimal point (no exponent, no NaN).
    static func isDecimal(_ text: String) -> Bool {
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }), !body.contains("..") else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// HH:MM:SS with optional fraction, and an optional zone (Z or ±HH:MM).
    static func isTime(_ text: String) -> Bool {
        var clock = Substring(text)
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard zone.count == 2, let hours = Int(zone[0]), let minutes = Int(zone[1]), zone[0].count == 2, zone[1].count == 2,
                  (0...14).contains(hours), (0...59).contains(minutes) else { return false }
            clock = clock[..<sign]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes)
        else { return false }
        let seconds = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard seconds[0].count == 2, let whole = Int(seconds[0]), (0...59).contains(whole),
              seconds[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if seconds.count == 2 { return !seconds[1].isEmpty && seconds[1].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }

    /// "latitude longitude [altitude [accuracy]]".
    static func geopointProblem(_ text: String) -> String? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let numbers = parts.map { isDecimal(String($0)) ? Double(String($0).hasPrefix("+") ? String($0.dropFirst()) : String($0)) : nil }
        guard (2...4).contains(parts.count), numbers.allSatisfy({ $0 != nil }) else {
            return "Expected a location written 'latitude longitude altitude accuracy' (like '-1.2921 36.8219 1650 5'), but got '\(text)'."
        }
        if let latitude = numbers[0], !(-90...90).contains(latitude) { return "The latitude \(parts[0]) is outside -90 to 90." }
        if let longitude = numbers[1], !(-180...180).contains(longitude) { return "The longitude \(parts[1]) is outside -180 to 180." }
        return nil
    }
}
