import Foundation

/// The `range` question's parameters (`start`, `end`, `step`, `tick_interval`, `placeholder`,
/// `tick_labelset`), checked as pyxform checks them, with exact decimal arithmetic so that
/// `step=0.1` divides `end=1` as an author expects.
enum RangeParameters {
    /// Checks `parameters` of a range question (names were checked already).
    static func check(_ parameters: [FormAttribute], appearance: String?, choiceLists: [String: FormChoiceList],
                      at location: ProblemLocation, log: inout FormProblemLog) {
        let styling = ["tick_interval", "placeholder", "tick_labelset"].filter { parameters[named: $0] != nil }
        if let appearance, !appearance.isEmpty, !appearance.contains("vertical"), !appearance.contains("no-ticks"),
           !styling.isEmpty {
            log.error(at: location, "the range parameters tick_interval, placeholder and tick_labelset only work with the appearances vertical, no-ticks or none, not '\(appearance)'.")
        }
        var numbers: [String: Decimal] = [:]
        var allNumbers = true
        for name in ["start", "end", "step", "tick_interval", "placeholder"] {
            let defaults = ["start": "1", "end": "10", "step": "1"]
            guard let text = parameters[named: name] ?? defaults[name] else { continue }
            guard let number = decimal(text) else {
                log.error(at: location, "the range parameter '\(name)' must be a number, not '\(text)'.")
                allNumbers = false
                continue
            }
            numbers[name] = number
        }
        guard allNumbers, let start = numbers["start"], let end = numbers["end"], let step = numbers["step"] else { return }
        let width = abs(end - start)
        let low = min(start, end), high = max(start, end)
        if step == 0 {
            log.error(at: location, "the range parameter 'step' must not be 0.")
            return
        }
        if step > width {
            log.error(at: location, "the range parameter 'step' (\(step)) must not be larger than the range from start to end (\(width)).")
        }
        let tickInterval = numbers["tick_interval"]
        if let tickInterval {
            if tickInterval == 0 {
                log.error(at: location, "the range parameter 'tick_interval' must not be 0.")
            } else {
                if tickInterval > width {
                    log.error(at: location, "the range parameter 'tick_interval' (\(tickInterval)) must not be larger than the range from start to end (\(width)).")
                }
                if !isMultiple(tickInterval, of: step) {
                    log.error(at: location, "the range parameter 'tick_interval' (\(tickInterval)) must be a multiple of 'step' (\(step)).")
                }
            }
        }
        if let placeholder = numbers["placeholder"] {
            if !isMultiple(placeholder - start, of: step) {
                log.error(at: location, "the range parameter 'placeholder' (\(placeholder)) must be 'start' plus a multiple of 'step' (\(step)).")
            }
            if placeholder < low || placeholder > high {
                log.error(at: location, "the range parameter 'placeholder' (\(placeholder)) must be between start and end.")
            }
        }
        guard let labelSet = parameters[named: "tick_labelset"] else { return }
        guard let list = choiceLists[labelSet] else {
            log.error(at: location, "the range parameter 'tick_labelset' names the choice list '\(labelSet)', which is not on the choices sheet.")
            return
        }
        let noTicks = appearance?.contains("no-ticks") == true
        var values: Set<Decimal> = []
        for choice in list.choices {
            guard let value = decimal(choice.name) else {
                log.error(at: location, "the choices of the tick_labelset list '\(labelSet)' must all be numbers; '\(choice.name)' is not.")
                return
            }
            if value < low || value > high {
                log.error(at: location, "the tick_labelset choice \(choice.name) is outside the range from start to end.")
                return
            }
            let spacing = tickInterval.flatMap { $0 == 0 ? nil : $0 } ?? step
            if !isMultiple(value - start, of: spacing) {
                let name = tickInterval == nil ? "step" : "tick_interval"
                log.error(at: location, "the tick_labelset choice \(choice.name) must be 'start' plus a multiple of '\(name)'.")
                return
            }
            values.insert(value)
        }
        if noTicks {
            if values.count > 2 {
                log.error(at: location, "with the appearance no-ticks, the tick_labelset list '\(labelSet)' may only have 2 choices (start and end).")
            } else if values != [start, end] {
                log.error(at: location, "with the appearance no-ticks, the tick_labelset choices must be the start and end values.")
            }
        }
    }

    /// A decimal number written plainly (`-1`, `2.5`, `.5`, `1e3`); nil for anything else.
    static func decimal(_ text: String) -> Decimal? {
        var characters = Substring(text)
        if characters.first == "+" || characters.first == "-" { characters = characters.dropFirst() }
        let parts = characters.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let mantissa = parts.first, parts.count <= 2 else { return nil }
        let mantissaParts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard mantissaParts.count <= 2, mantissaParts.contains(where: { !$0.isEmpty }),
              mantissaParts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 2 {
            var exponent = parts[1]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether `value` is a whole multiple of `unit` (exact for decimal numbers).
    private static func isMultiple(_ value: Decimal, of unit: Decimal) -> Bool {
        guard unit != 0 else { return false }
        var quotient = value / unit
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .plain)
        return rounded == quotient
    }
}
