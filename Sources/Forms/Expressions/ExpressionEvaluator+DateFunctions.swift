import Foundation

extension ExpressionEvaluator {
    /// The date and time functions, or nil when `name` is not one of them.
    ///
    /// Dates are text (`2020-01-31`); used as numbers they are days since 1970-01-01, so
    /// `date('2020-01-31') + 1` is 18293 and `date(18293)` is `2020-02-01`. Values are read on
    /// the wall clock they were written with; only `decimal-date-time`, `decimal-time`,
    /// `date-time` of a number, `today` and `now` involve the context's time zone.
    func dateFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        switch name {
        case "today":
            return .string(ExpressionDateTime(instant: context.now, offsetSeconds: context.offsetSeconds).dateText)
        case "now":
            return .string(ExpressionDateTime(instant: context.now, offsetSeconds: context.offsetSeconds).dateTimeText)
        case "date":
            let value = try evaluate(arguments[0])
            if let days = ExpressionEvaluator.days(in: value) {
                guard let moment = ExpressionDateTime(daysSinceEpoch: days.rounded(.towardZero)) else { return .number(days) }
                return .string(moment.dateText)
            }
            guard let moment = try moment(value, function: name) else { return .string("") }
            return .string(moment.dateText)
        case "date-time":
            let value = try evaluate(arguments[0])
            if let days = ExpressionEvaluator.days(in: value) {
                guard days.isFinite, abs(days) < 1e8 else { return .number(days) }
                let instant = ExpressionEvaluator.instant(daysSinceEpoch: days)
                return .string(ExpressionDateTime(instant: instant, offsetSeconds: context.timeZone.secondsFromGMT(for: instant)).dateTimeText)
            }
            guard var moment = try moment(value, function: name) else { return .string("") }
            if moment.offsetSeconds == nil { moment.offsetSeconds = context.offsetSeconds }
            return .string(moment.dateTimeText)
        case "decimal-date-time":
            let value = try evaluate(arguments[0])
            if let days = ExpressionEvaluator.days(in: value) { return .number(days) }
            guard let moment = try moment(value, function: name) else { return .string("") }
            return .number(moment.fractionalDaysSinceEpoch(assumingOffset: context.offsetSeconds))
        case "decimal-time":
            let value = try evaluate(arguments[0])
            if let days = ExpressionEvaluator.days(in: value) { return .number(days - days.rounded(.down)) }
            let text = value.stringValue
            if text.isEmpty { return .string("") }
            guard let moment = ExpressionDateTime(time: text) ?? ExpressionDateTime(dateOrDateTime: text) else {
                throw .notADate(function: name, value: text)
            }
            // A time written with an offset is moved to the context's time zone.
            let shift = moment.offsetSeconds.map { context.offsetSeconds - $0 } ?? 0
            let fraction = moment.fractionOfDay + Double(shift) / 86400
            return .number(fraction - fraction.rounded(.down))
        case "format-date", "format-date-time":
            let value = try evaluate(arguments[0])
            let format = try string(arguments[1])
            let moment: ExpressionDateTime?
            if let days = ExpressionEvaluator.days(in: value) {
                moment = ExpressionDateTime(daysSinceEpoch: days)
            } else {
                moment = try self.moment(value, function: name)
            }
            return .string(moment?.formatted(format) ?? "")
        default:
            return nil
        }
    }

    /// The number of days a numeric argument holds (a number, or text that is a plain
    /// number), or nil for text that must be read as a date.
    private static func days(in value: ExpressionValue) -> Double? {
        switch value {
        case .number(let number): return number
        case .boolean: return nil
        case .string, .nodeSet:
            let text = value.stringValue
            guard !text.isEmpty, ExpressionDateTime(dateOrDateTime: text) == nil else { return nil }
            let number = ExpressionValue.number(fromText: text)
            return number.isNaN ? nil : number
        }
    }

    /// The date or dateTime `value` holds; nil for empty text; an error for anything else.
    private func moment(_ value: ExpressionValue, function: String) throws(ExpressionEvaluationError) -> ExpressionDateTime? {
        let text = value.stringValue
        if text.isEmpty { return nil }
        guard let moment = ExpressionDateTime(dateOrDateTime: text) else {
            throw .notADate(function: function, value: text)
        }
        return moment
    }

    private static func instant(daysSinceEpoch days: Double) -> Date {
        Date(timeIntervalSince1970: days * 86400)
    }
}
