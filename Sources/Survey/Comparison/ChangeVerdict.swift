/// The plain-language verdict on a change between two survey rounds: the confidence interval of
/// the change (significant when it excludes zero) read with the indicator's direction, so that a
/// fall in the share experiencing violence is progress and a fall in employment is regression.
public enum ChangeVerdict: Sendable, Hashable, Codable, CustomStringConvertible {
    case progress
    case noSignificantChange
    case regression
    /// A round is missing or suppressed, or has no margin of error.
    case notEnoughData(NotAssessableReason)

    /// The verdict for a change (later minus earlier) with this interval.
    init(changeInterval interval: ConfidenceInterval, direction: IndicatorDirection) {
        switch IntervalPosition(interval).isImprovement(for: direction) {
        case .none: self = .noSignificantChange
        case .some(true): self = .progress
        case .some(false): self = .regression
        }
    }

    public var description: String {
        switch self {
        case .progress:
            "Progress: things have improved since the earlier round, by more than the margin of error."
        case .noSignificantChange:
            "No significant change: any change since the earlier round is within the margin of error."
        case .regression:
            "Regression: things have got worse since the earlier round, by more than the margin of error."
        case .notEnoughData(let reason):
            "Not enough data to measure the change. \(reason.description)"
        }
    }
}
