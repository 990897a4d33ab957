import Foundation

/// A footnote that must accompany a cell wherever it is shown, in plain language for a public page.
///
/// Notes carry the thresholds they refer to, so the text stays true when the rules are changed.
public enum DisclosureNote: Sendable, Hashable, Codable {
    /// The cell is hidden because it rests on fewer than `minimumCount` respondents.
    case tooFewRespondents(minimumCount: Int)
    /// The cell is hidden so that another hidden cell cannot be worked out from the totals.
    case protectsHiddenCell
    /// The whole table is withheld because no part of it can be shown safely.
    case tableWithheld
    /// The estimate is shown but its relative standard error is above the limit.
    case unreliable(maximumRelativeStandardError: Double)

    /// Short footnote text, e.g. "Fewer than 10 respondents".
    public var text: String {
        switch self {
        case .tooFewRespondents(let minimumCount):
            return "Fewer than \(minimumCount) respondents"
        case .protectsHiddenCell:
            return "Hidden so that a hidden cell cannot be worked out from the totals"
        case .tableWithheld:
            return "Not shown: too few respondents to publish any part of this table safely"
        case .unreliable(let maximum):
            return "Relative standard error above \(Self.percent(maximum)): use with caution"
        }
    }

    /// 0.3 -> "30%", 0.125 -> "12.5%": whole percentages without decimals, others with one.
    private static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        let whole = value.rounded()
        if abs(value - whole) < 1e-9, abs(whole) < 1e15 {
            return "\(Int(whole))%"
        }
        return String(format: "%.1f%%", value)
    }
}
