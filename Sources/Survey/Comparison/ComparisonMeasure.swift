import Foundation

/// A compared quantity (a gap, a ratio, a change between rounds) with the standard error and
/// confidence interval that decide whether it is more than sampling noise.
public struct ComparisonMeasure: Sendable, Hashable, Codable {
    public var value: Double
    public var standardError: Double
    /// Normal-theory interval (as R's `confint` on a contrast). For ratios it is formed on the log
    /// scale and mapped back, so it stays above zero and is asymmetric around the ratio.
    public var interval: ConfidenceInterval

    public init(value: Double, standardError: Double, interval: ConfidenceInterval) {
        self.value = value
        self.standardError = standardError
        self.interval = interval
    }

    /// value +/- z * SE; nil when the value or variance is not a finite number.
    static func normal(value: Double, variance: Double, level: Double) -> ComparisonMeasure? {
        guard value.isFinite, variance.isFinite, variance >= 0 else { return nil }
        let se = variance.squareRoot()
        let z = NormalDistribution.quantile(1 - (1 - level) / 2)
        return ComparisonMeasure(
            value: value, standardError: se,
            interval: ConfidenceInterval(lower: value - z * se, upper: value + z * se, level: level, method: .waldNormal))
    }

    /// A ratio with the delta-method variance of its logarithm: the interval is
    /// exp(log ratio +/- z * SE(log ratio)) and the standard error ratio * SE(log ratio).
    /// nil when the ratio is not above zero (its logarithm does not exist).
    static func ratio(value: Double, logVariance: Double, level: Double) -> ComparisonMeasure? {
        guard value.isFinite, value > 0, logVariance.isFinite, logVariance >= 0 else { return nil }
        let logSE = logVariance.squareRoot()
        let z = NormalDistribution.quantile(1 - (1 - level) / 2)
        let logValue = log(value)
        return ComparisonMeasure(
            value: value, standardError: value * logSE,
            interval: ConfidenceInterval(
                lower: exp(logValue - z * logSE), upper: exp(logValue + z * logSE), level: level, method: .waldNormal))
    }
}
