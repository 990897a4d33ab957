/// Which way is good for an indicator. A gap or a change is only "worse" or "better" once we know
/// whether more is desirable (an employment rate) or less is (the share who experienced violence);
/// the same number can be bad news for one indicator and good news for another.
public enum IndicatorDirection: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// More is better, e.g. an employment rate or the share who can vote unaided.
    case higherIsBetter
    /// Less is better, e.g. the share who experienced violence or discrimination.
    case lowerIsBetter

    /// +1 when higher is better, -1 when lower is better: multiplying a change by this gives a
    /// number that is positive when things improved.
    var sign: Double {
        switch self {
        case .higherIsBetter: 1
        case .lowerIsBetter: -1
        }
    }

    public var description: String {
        switch self {
        case .higherIsBetter: "Higher is better"
        case .lowerIsBetter: "Lower is better"
        }
    }
}
