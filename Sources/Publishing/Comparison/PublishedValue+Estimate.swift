import Frameworks
import Survey

extension PublishedValue {
    /// The published number as an estimate the comparison engine reads (in the published unit),
    /// nil when it is suppressed or has no number. Comparisons are made from published values
    /// only, so a gap or a change can never reveal what disclosure control hid.
    var estimate: Estimate? {
        guard !isSuppressed, let value, let n else { return nil }
        let interval = ciLow.flatMap { low in ciHigh.map { ConfidenceInterval(lower: low, upper: $0, level: 0.95, method: .waldNormal) } }
        return Estimate(value: value, standardError: standardError ?? .nan, interval: interval, degreesOfFreedom: max(n - 1, 1),
                        sampleSize: n, weightedSize: Double(n))
    }
}

extension Survey.IndicatorDirection {
    /// The comparison engine's direction; nil for an indicator without one, which has no verdict.
    init?(_ direction: Frameworks.IndicatorDirection) {
        switch direction {
        case .higherIsBetter: self = .higherIsBetter
        case .lowerIsBetter: self = .lowerIsBetter
        case .none: return nil
        }
    }
}
