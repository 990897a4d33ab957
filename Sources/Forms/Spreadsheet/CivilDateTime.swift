/// A calendar date and time of day without a time zone, written the way Python's `str()` writes
/// `datetime`, `date` and `time` values ("2024-03-15 10:30:00", "2024-03-15", "10:30:00.500000"),
/// because that is the text pyxform puts in a form for a date cell.
struct CivilDateTime: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0

    /// The years Python's `datetime` can hold; outside them openpyxl gives up on the date.
    static let supportedYears = 1...9999

    /// The date `days` days after 1970-01-01 (negative: before), at `millisecondOfDay`.
    init?(daysSince1970 days: Int, millisecondOfDay: Int = 0) {
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard Self.supportedYears.contains(year) else { return nil }
        self.init(year: year, month: month, day: day)
        setTime(millisecondOfDay: millisecondOfDay)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days from 1970-01-01 to this date (negative before it).
    var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether year, month and day name a real date (no 31 April).
    var isValidDate: Bool {
        guard Self.supportedYears.contains(year), (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private var isLeapYear: Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    mutating func setTime(millisecondOfDay: Int) {
        hour = millisecondOfDay / 3_600_000
        minute = millisecondOfDay / 60_000 % 60
        second = millisecondOfDay / 1000 % 60
        microsecond = millisecondOfDay % 1000 * 1000
    }

    /// "2024-03-15 10:30:00" (Python `str(datetime)`).
    var dateTimeText: String {
        dateText + " " + timeText
    }

    /// "2024-03-15" (Python `str(date)`).
    var dateText: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// "10:30:00", or "10:30:00.500000" with a fraction (Python `str(time)`).
    var timeText: String {
        Self.clockText(hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    /// "09:05:00"; with `padsHour` false "9:05:00", as Python writes a `timedelta`.
    static func clockText(hour: Int, minute: Int, second: Int, microsecond: Int, padsHour: Bool = true) -> String {
        let clock = (padsHour ? padded(hour, 2) : String(hour)) + ":" + padded(minute, 2) + ":" + padded(second, 2)
        return microsecond == 0 ? clock : clock + "." + padded(microsecond, 6)
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
