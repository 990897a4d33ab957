import Foundation

/// A date-styled number cell: Excel stores dates as days since an epoch (30 December 1899, or
/// 1 January 1904 in workbooks from old Mac Excel), with the time of day as the fraction. The
/// text follows openpyxl's conversion and Python's `str()`, as pyxform writes such cells:
/// "2024-03-15 00:00:00" for a date, "10:30:00" for a time of day (a serial below 1), and
/// "1 day, 2:00:00" for an elapsed-time (`[h]:mm`) format.
struct ExcelSerialDate: Sendable, Equatable {
    var serial: Double
    var uses1904: Bool

    private static let millisecondsPerDay = 86_400_000

    /// The date and time (or time of day); nil when it falls outside years 1–9999, which openpyxl
    /// turns into the error value `#VALUE!`.
    var dateTimeText: String? {
        guard serial.isFinite, abs(serial) < 1e9 else { return nil }
        var fraction = fmod(serial, 1)
        if fraction < 0 { fraction += 1 }
        let wholeDays = (serial - fraction).rounded()
        let milliseconds = Int((fraction * 86400 * 1000).rounded(.toNearestOrEven))
        if serial >= 0 && serial < 1 && milliseconds < Self.millisecondsPerDay {
            var time = CivilDateTime(year: 1900, month: 1, day: 1)
            time.setTime(millisecondOfDay: milliseconds)
            return time.timeText
        }
        // Excel counts a 29 February 1900 that never was; openpyxl shifts the first 60 days.
        let leapBugShift = !uses1904 && serial > 0 && serial < 60 ? 1 : 0
        let epoch = uses1904 ? CivilDateTime(year: 1904, month: 1, day: 1) : CivilDateTime(year: 1899, month: 12, day: 30)
        let days = epoch.daysSince1970 + Int(wholeDays) + leapBugShift + milliseconds / Self.millisecondsPerDay
        return CivilDateTime(daysSince1970: days, millisecondOfDay: milliseconds % Self.millisecondsPerDay)?.dateTimeText
    }

    /// The serial as elapsed time, Python's `str(timedelta)` after openpyxl rounds it to
    /// milliseconds: "2:30:00", "1 day, 2:00:00", "-1 day, 23:00:00". Nil beyond 100 million days.
    var durationText: String? {
        guard serial.isFinite, abs(serial) < 100_000_000 else { return nil }
        var microseconds = Int((serial * 86_400_000_000).rounded(.toNearestOrEven))
        let secondPart = Self.floorModulo(microseconds, 1_000_000)
        if secondPart != 0 {
            let wholeSeconds = microseconds - secondPart
            let rounded = Int((Double(secondPart) / 1000).rounded(.toNearestOrEven)) * 1000
            microseconds = wholeSeconds + rounded
        }
        let microsecondsPerDay = 86_400_000_000
        let days = Self.floorDivision(microseconds, microsecondsPerDay)
        let rest = microseconds - days * microsecondsPerDay
        let seconds = rest / 1_000_000
        let clock = CivilDateTime.clockText(
            hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60, microsecond: rest % 1_000_000,
            padsHour: false)
        guard days != 0 else { return clock }
        return "\(days) day\(abs(days) == 1 ? "" : "s"), " + clock
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    private static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        value - floorDivision(value, divisor) * divisor
    }
}
