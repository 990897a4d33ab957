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
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
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
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Whether year, month and day name a real date (no 31 April).
    var isValidDate: Bool {
        guard Self.supportedYears.contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= CivilCalendar.daysInMonth(year: year, month: month)
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
