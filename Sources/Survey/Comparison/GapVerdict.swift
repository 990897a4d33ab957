/// The plain-language verdict on a gap between a group and a reference. It rests on the
/// confidence interval of the difference (significant when it excludes zero) and on the
/// indicator's direction, so a group with a *higher* rate of violence is "worse", not "better".
public enum GapVerdict: Sendable, Hashable, Codable, CustomStringConvertible {
    case significantlyWorse
    case noSignificantDifference
    case significantlyBetter
    /// A side is missing or suppressed, or has no margin of error.
    case notEnoughData(NotAssessableReason)

    /// The verdict for a difference (group minus reference) with this interval.
    init(differenceInterval interval: ConfidenceInterval, direction: IndicatorDirection) {
        switch IntervalPosition(interval).isImprovement(for: direction) {
        case .none: self = .noSignificantDifference
        case .some(true): self = .significantlyBetter
        case .some(false): self = .significantlyWorse
        }
    }

    public var description: String {
        switch self {
        case .significantlyWorse:
            "Significantly worse off: the gap is larger than the margin of error."
        case .noSignificantDifference:
            "No significant difference: any gap is within the margin of error."
        case .significantlyBetter:
            "Significantly better off: the gap is larger than the margin of error."
        case .notEnoughData(let reason):
            "Not enough data to compare. \(reason.description)"
        }
    }
}
