/// Where a confidence interval of a difference lies relative to zero: the test behind every
/// "significantly worse/better" and "progress/regression" verdict. An interval that excludes
/// zero is a difference the sample can vouch for at the interval's level.
enum IntervalPosition: Sendable, Hashable {
    case aboveZero
    case belowZero
    case includesZero

    init(_ interval: ConfidenceInterval) {
        if interval.lower > 0 {
            self = .aboveZero
        } else if interval.upper < 0 {
            self = .belowZero
        } else {
            self = .includesZero
        }
    }

    /// Whether the difference is significantly good (true), bad (false) or neither (nil) for an
    /// indicator with `direction`.
    func isImprovement(for direction: IndicatorDirection) -> Bool? {
        switch (self, direction) {
        case (.includesZero, _): nil
        case (.aboveZero, .higherIsBetter), (.belowZero, .lowerIsBetter): true
        case (.aboveZero, .lowerIsBetter), (.belowZero, .higherIsBetter): false
        }
    }
}
