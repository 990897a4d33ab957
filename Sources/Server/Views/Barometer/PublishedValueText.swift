import Foundation
import Publishing
import Survey

/// How published numbers read on pages and in the report: one decimal, the unit, and for a
/// suppressed value the word "Suppressed" with the reason, never a zero or a blank.
enum PublishedValueText {
    /// One decimal, as the charts write it, so a table and its chart show the same digits.
    static func number(_ value: Double) -> String {
        ChartNumber.format(value)
    }

    /// "43.2%", "12.5 years", "3.1".
    static func amount(_ value: Double, unit: String) -> String {
        switch unit {
        case "percent": number(value) + "%"
        case "years": number(value) + " years"
        default: number(value)
        }
    }

    /// "percentage points" for a difference between percentages, else the unit's word.
    static func differenceUnit(_ unit: String) -> String {
        switch unit {
        case "percent": "percentage points"
        case "years": "years"
        default: ""
        }
    }

    static func value(_ value: PublishedValue?, unit: String) -> String {
        guard let value else { return "No data" }
        if let reason = value.suppression { return "Suppressed (\(suppression(reason)))" }
        return value.value.map { amount($0, unit: unit) } ?? "No data"
    }

    static func interval(_ value: PublishedValue?, unit: String) -> String {
        guard let value, !value.isSuppressed, let low = value.ciLow, let high = value.ciHigh else { return "" }
        return "\(amount(low, unit: unit)) to \(amount(high, unit: unit))"
    }

    static func respondents(_ value: PublishedValue?) -> String {
        guard let value, !value.isSuppressed, let n = value.n else { return "" }
        return String(n)
    }

    static func suppression(_ reason: SuppressionReason) -> String {
        switch reason {
        case .tooFewRespondents: "too few respondents"
        case .protectsHiddenCell: "hidden to protect another small group"
        case .tableWithheld: "the whole table is withheld"
        }
    }

    /// A short word for charts: the note drawn where a bar would be.
    static func chartNote(_ value: PublishedValue?) -> String {
        guard let value else { return "no data" }
        return value.isSuppressed ? "suppressed" : value.value == nil ? "no data" : ""
    }

    /// The reason part of a verdict's sentence ("the gap is larger than the margin of error."),
    /// shown after the verdict's badge, which already says the verdict.
    static func reason(_ sentence: String) -> String {
        guard let colon = sentence.range(of: ": ") else { return sentence }
        let rest = sentence[colon.upperBound...]
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    static func gapVerdict(_ verdict: GapVerdict) -> (label: String, key: String) {
        switch verdict {
        case .significantlyWorse: ("Worse off", "worse")
        case .significantlyBetter: ("Better off", "better")
        case .noSignificantDifference: ("No significant difference", "same")
        case .notEnoughData: ("Not enough data", "unknown")
        }
    }

    static func changeVerdict(_ verdict: ChangeVerdict) -> (label: String, key: String) {
        switch verdict {
        case .progress: ("Progress", "better")
        case .regression: ("Regression", "worse")
        case .noSignificantChange: ("No significant change", "same")
        case .notEnoughData: ("Not enough data", "unknown")
        }
    }
}
