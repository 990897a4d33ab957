import Foundation

/// How a chart writes a number as text: one decimal for values, as few as the tick step needs
/// for axes, a true minus sign, and no locale.
///
/// Public so that the page can print the table next to a chart with the very same digits: a
/// reader who compares the two must never find 45.3 in one and 45.29 in the other. It does not
/// use the system's formatters because their output changes with locale and platform, and a
/// chart must be the same bytes for the same numbers wherever it is drawn.
public enum ChartNumber {
    /// `value` rounded half away from zero to `decimals` places: "12.3", "−4.0", "0.0".
    /// Rounding that reaches zero drops the sign, so "−0.0" is never printed. The minus sign is
    /// U+2212, which screen readers say as "minus" where they would skip a hyphen.
    public static func format(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        let places = min(max(decimals, 0), 6)
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double no longer holds every integer; such numbers never reach a
        // barometer, and Swift's own shortest form keeps them deterministic.
        guard scaled < 9_007_199_254_740_992 else { return (value < 0 ? "\u{2212}" : "") + "\(abs(value))" }
        var digits = String(Int64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && scaled > 0 ? "\u{2212}" : "") + digits
    }

    /// `value` and its unit as a chart prints it beside a mark or a tick: a percent sign is
    /// attached ("45.3%"), any other unit is left to the axis caption, which states it once, so
    /// value labels stay short enough for a 320 px screen.
    public static func format(_ value: Double, unit: String, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + (isPercent(unit) ? "%" : "")
    }

    /// Whether numbers in `unit` carry a percent sign rather than an axis caption.
    static func isPercent(_ unit: String) -> Bool {
        unit.trimmingCharacters(in: .whitespaces) == "%"
    }

    /// The unit as the axis caption states it, once per chart: nil for percentages (each
    /// number already says "%") and for no unit. Surrounding spaces are dropped, since callers
    /// may hand over a unit made for writing after a number (" years").
    static func caption(_ unit: String) -> String? {
        let trimmed = unit.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "%" ? nil : trimmed
    }

    /// The number itself when a chart can place it, nil for a missing, infinite or NaN one,
    /// so that no bad number turns into a mark at the edge of the plot.
    static func drawable(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// The confidence interval from its two ends, in order; nil unless both are drawable, as
    /// half an interval would suggest a certainty the estimate does not have.
    static func interval(_ low: Double?, _ high: Double?) -> ClosedRange<Double>? {
        guard let low = drawable(low), let high = drawable(high) else { return nil }
        return min(low, high)...max(low, high)
    }
}
