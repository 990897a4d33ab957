/// What kind of number an indicator is, which decides the unit a gap or change is reported in.
/// A difference between two shares is told in percentage points (42% vs 50% is "8 points lower"),
/// which readers understand better than a difference of 0.08; a difference between two means
/// (hours, income) stays in the indicator's own unit.
public enum IndicatorScale: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A share between 0 and 1, shown as a percentage; differences are in percentage points.
    case proportion
    /// An average (or any amount) in the indicator's own unit; differences are in that unit.
    case mean

    /// The factor from the estimate's unit to the unit shown: 100 for shares, 1 for means.
    public var displayFactor: Double {
        switch self {
        case .proportion: 100
        case .mean: 1
        }
    }

    public var description: String {
        switch self {
        case .proportion: "Proportion (differences in percentage points)"
        case .mean: "Mean (differences in the indicator's unit)"
        }
    }
}
