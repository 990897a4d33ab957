/// The value of a date cell stored as ISO 8601 text (`t="d"`, written by strict Office Open XML
/// and some generators): "2024-03-15", "2024-03-15T10:30:00Z" or "10:30". Like openpyxl, only the
/// beginning of the text is read; the result is written as Python writes a `date`, `datetime`
/// or `time`.
struct XLSXISODateTime: Sendable, Equatable {
    /// "2024-03-15", "2024-03-15 10:30:00" or "10:30:00".
    var text: String

    /// Nil when the text does not start with an ISO 8601 date or time, or names no real date.
    init?(_ raw: String) {
        var scanner = Array(raw.utf8)[...]
        let date = Self.scanDate(&scanner)
        if scanner.first == UInt8(ascii: "T") { scanner = scanner.dropFirst() }
        let time = Self.scanTime(&scanner)
        switch (date, time) {
        case (nil, nil):
            return nil
        case let (date?, nil):
            guard date.isValidDate else { return nil }
            text = date.dateText
        case let (nil, time?):
            text = time
        case let (date?, time?):
            guard date.isValidDate else { return nil }
            text = date.dateText + " " + time
        }
    }

    private static func scanNumber(_ scanner: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        let prefix = scanner.prefix(digits)
        guard prefix.count == digits, prefix.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        scanner = scanner.dropFirst(digits)
        return prefix.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func scanDate(_ scanner: inout ArraySlice<UInt8>) -> CivilDateTime? {
        var attempt = scanner
        guard let year = scanNumber(&attempt, digits: 4), attempt.popFirst() == UInt8(ascii: "-"),
              let month = scanNumber(&attempt, digits: 2), attempt.popFirst() == UInt8(ascii: "-"),
              let day = scanNumber(&attempt, digits: 2)
        else { return nil }
        scanner = attempt
        return CivilDateTime(year: year, month: month, day: day)
    }

    private static func scanTime(_ scanner: inout ArraySlice<UInt8>) -> String? {
        var attempt = scanner
        guard let hour = scanNumber(&attempt, digits: 2), attempt.popFirst() == UInt8(ascii: ":"),
              let minute = scanNumber(&attempt, digits: 2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        var microsecond = 0
        var afterSeconds = attempt
        if afterSeconds.popFirst() == UInt8(ascii: ":"), let parsed = scanNumber(&afterSeconds, digits: 2), parsed < 60 {
            second = parsed
            attempt = afterSeconds
            var afterFraction = attempt
            if afterFraction.popFirst() == UInt8(ascii: ".") {
                let digits = afterFraction.prefix(3).prefix { $0 >= 48 && $0 <= 57 }
                if !digits.isEmpty {
                    let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
                    microsecond = value * [100_000, 10_000, 1000][digits.count - 1]
                    attempt = afterFraction.dropFirst(digits.count)
                }
            }
        }
        scanner = attempt
        return CivilDateTime.clockText(hour: hour, minute: minute, second: second, microsecond: microsecond)
    }
}
