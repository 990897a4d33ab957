import Foundation

/// A calendar date with a wall-clock time and, when it was written, a UTC offset: what the ODK
/// date functions read and write.
///
/// ODK stores dates as `2020-01-31`, dateTimes as `2020-01-31T14:05:00.000+02:00` and times as
/// `14:05:00.000+02:00`. Arithmetic is done on days since 1970-01-01 with plain calendar maths,
/// so no clock or time-zone database is consulted except through an offset the caller gives.
struct ExpressionDateTime: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var millisecond = 0
    /// Seconds east of UTC, when the text carried an offset (`Z`, `+02:00`).
    var offsetSeconds: Int?

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0, offsetSeconds: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
        self.offsetSeconds = offsetSeconds
    }

    // MARK: - Reading

    /// Reads `YYYY-MM-DD`, optionally followed by `T` and a time (`HH:MM[:SS[.fff]]`) and an
    /// offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`). Surrounding spaces are ignored.
    init?(dateOrDateTime text: String) {
        var scanner = DateTextScanner(text.trimmingXPathWhitespace())
        guard let year = scanner.integer(digits: 4...9), scanner.skip("-"),
              let month = scanner.integer(digits: 2...2), scanner.skip("-"),
              let day = scanner.integer(digits: 2...2),
              (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
        if scanner.isAtEnd { return }
        guard scanner.skip("T"), let time = scanner.timeOfDay(), scanner.isAtEnd else { return nil }
        (hour, minute, second, millisecond, offsetSeconds) = time
    }

    /// Reads a time of day `HH:MM[:SS[.fff]]` with an optional offset; the date is 1970-01-01.
    init?(time text: String) {
        var scanner = DateTextScanner(text.trimmingXPathWhitespace())
        guard let time = scanner.timeOfDay(), scanner.isAtEnd else { return nil }
        self.init(year: 1970, month: 1, day: 1)
        (hour, minute, second, millisecond, offsetSeconds) = time
    }

    /// The date `days` days after 1970-01-01; a fractional part becomes the time of day.
    init?(daysSinceEpoch days: Double) {
        guard days.isFinite, abs(days) < 1e8 else { return nil }
        let whole = days.rounded(.down)
        let civil = CivilCalendar.civil(fromDays: Int(whole))
        let milliseconds = Int(((days - whole) * 86_400_000).rounded())
        self.init(year: civil.year, month: civil.month, day: civil.day)
        setTimeOfDay(milliseconds: milliseconds)
    }

    /// The wall-clock date and time of `instant` at `offsetSeconds` east of UTC.
    init(instant: Date, offsetSeconds: Int) {
        let totalMilliseconds = Int((instant.timeIntervalSince1970 * 1000).rounded(.down)) + offsetSeconds * 1000
        let days = Int((Double(totalMilliseconds) / 86_400_000).rounded(.down))
        let civil = CivilCalendar.civil(fromDays: days)
        self.init(year: civil.year, month: civil.month, day: civil.day, offsetSeconds: offsetSeconds)
        setTimeOfDay(milliseconds: totalMilliseconds - days * 86_400_000)
    }

    private mutating func setTimeOfDay(milliseconds: Int) {
        var rest = milliseconds
        if rest >= 86_400_000 {
            // Rounding pushed the time to the next midnight.
            let next = CivilCalendar.civil(fromDays: daysSinceEpoch + 1)
            (year, month, day) = (next.year, next.month, next.day)
            rest -= 86_400_000
        }
        hour = rest / 3_600_000
        minute = rest / 60000 % 60
        second = rest / 1000 % 60
        millisecond = rest % 1000
    }

    // MARK: - Numbers

    /// Whole days from 1970-01-01 to this calendar date (the time is ignored).
    var daysSinceEpoch: Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// The time of day as a fraction of a day, on the wall clock as written.
    var fractionOfDay: Double {
        Double(((hour * 60 + minute) * 60 + second) * 1000 + millisecond) / 86_400_000
    }

    /// Days since 1970-01-01T00:00Z, with the time as a fraction. A value without an offset is
    /// taken to be at `assumedOffsetSeconds`.
    func fractionalDaysSinceEpoch(assumingOffset assumedOffsetSeconds: Int) -> Double {
        let offset = offsetSeconds ?? assumedOffsetSeconds
        return Double(daysSinceEpoch) + fractionOfDay - Double(offset) / 86400
    }

    /// 0 for Sunday through 6 for Saturday.
    var weekday: Int {
        ((daysSinceEpoch + 4) % 7 + 7) % 7
    }

    // MARK: - Writing

    /// `YYYY-MM-DD`
    var dateText: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-MM-DDTHH:MM:SS.fff` followed by the offset (`+02:00`, or `Z` for UTC) when known.
    var dateTimeText: String {
        dateText + "T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))" + offsetText
    }

    private var offsetText: String {
        guard let offsetSeconds else { return "" }
        if offsetSeconds == 0 { return "Z" }
        let minutes = abs(offsetSeconds) / 60
        return (offsetSeconds < 0 ? "-" : "+") + "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Formats with ODK's `format-date-time` tokens: `%Y` `%y` `%m` `%n` `%b` `%d` `%e` `%a`
    /// `%H` `%h` `%M` `%S` `%3` and `%%`. Month and day names are English; any other `%x`
    /// is kept as written.
    func formatted(_ format: String) -> String {
        var result = ""
        var characters = format.makeIterator()
        while let c = characters.next() {
            guard c == "%" else {
                result.append(c)
                continue
            }
            guard let token = characters.next() else {
                result.append("%")
                break
            }
            switch token {
            case "Y": result += pad(year, 4)
            case "y": result += pad(((year % 100) + 100) % 100, 2)
            case "m": result += pad(month, 2)
            case "n": result += String(month)
            case "b": result += ExpressionDateTime.monthNames[month - 1]
            case "d": result += pad(day, 2)
            case "e": result += String(day)
            case "a": result += ExpressionDateTime.dayNames[weekday]
            case "H": result += pad(hour, 2)
            case "h": result += String(hour)
            case "M": result += pad(minute, 2)
            case "S": result += pad(second, 2)
            case "3": result += pad(millisecond, 3)
            case "%": result += "%"
            default: result += "%" + String(token)
            }
        }
        return result
    }

    private func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(abs(number))
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return number < 0 ? "-" + padded : padded
    }
}

/// Reads the fixed-width fields of ODK date and time text.
private struct DateTextScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var isAtEnd: Bool { index == characters.count }

    mutating func skip(_ expected: Character) -> Bool {
        guard index < characters.count, characters[index] == expected else { return false }
        index += 1
        return true
    }

    /// An unsigned integer of a number of digits in `digits`.
    mutating func integer(digits: ClosedRange<Int>) -> Int? {
        let start = index
        while index < characters.count, index - start < digits.upperBound, ExpressionLexer.isDigit(characters[index]) {
            index += 1
        }
        guard digits.contains(index - start) else {
            index = start
            return nil
        }
        return Int(String(characters[start..<index]))
    }

    /// Hour, minute, second, millisecond and the offset in seconds, if one was written.
    mutating func timeOfDay() -> (Int, Int, Int, Int, Int?)? {
        guard let hour = integer(digits: 2...2), hour < 24, skip(":"),
              let minute = integer(digits: 2...2), minute < 60
        else { return nil }
        var second = 0
        var millisecond = 0
        if skip(":") {
            guard let seconds = integer(digits: 2...2), seconds < 60 else { return nil }
            second = seconds
            if skip(".") {
                let start = index
                guard integer(digits: 1...9) != nil else { return nil }
                let firstThree = String(characters[start..<index].prefix(3))
                millisecond = Int(firstThree.padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
            }
        }
        var offset: Int?
        if skip("Z") {
            offset = 0
        } else if index < characters.count, characters[index] == "+" || characters[index] == "-" {
            let sign = characters[index] == "-" ? -1 : 1
            index += 1
            guard let hours = integer(digits: 2...2) else { return nil }
            var minutes = 0
            if skip(":") {
                guard let value = integer(digits: 2...2) else { return nil }
                minutes = value
            } else if let value = integer(digits: 2...2) {
                minutes = value
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        return (hour, minute, second, millisecond, offset)
    }
}
