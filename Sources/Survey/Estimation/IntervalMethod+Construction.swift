import Foundation

extension IntervalMethod {
    /// The interval this method gives for `value` with `variance`.
    ///
    /// - Parameters:
    ///   - degreesOfFreedom: design df for the t quantiles (below 1: no t interval).
    ///   - rows: rows behind the estimate, for Korn-Graubard's (t(rows - 1) / t(df))^2 factor
    ///     (R uses `nrow(design)`).
    /// - Returns: nil when the interval cannot be formed (for instance, no degrees of freedom).
    func interval(value: Double, variance: Double, degreesOfFreedom: Int, rows: Int, level: Double) -> ConfidenceInterval? {
        guard value.isFinite, variance.isFinite, variance >= 0 else { return nil }
        let alpha = 1 - level
        let se = variance.squareRoot()
        let df = Double(degreesOfFreedom)
        func make(_ lower: Double, _ upper: Double) -> ConfidenceInterval? {
            guard lower.isFinite || lower == -.infinity, upper.isFinite || upper == .infinity, !lower.isNaN, !upper.isNaN else { return nil }
            return ConfidenceInterval(lower: lower, upper: upper, level: level, method: self)
        }
        switch self {
        case .waldNormal:
            let z = NormalDistribution.quantile(1 - alpha / 2)
            return make(value - z * se, value + z * se)
        case .wald:
            guard degreesOfFreedom >= 1 else { return nil }
            let t = StudentTDistribution(degreesOfFreedom: df).quantile(1 - alpha / 2)
            return make(value - t * se, value + t * se)
        case .logit:
            guard degreesOfFreedom >= 1 else { return nil }
            if value <= 0 || value >= 1 { return make(value, value) }
            let t = StudentTDistribution(degreesOfFreedom: df).quantile(1 - alpha / 2)
            let logit = log(value / (1 - value))
            let logitSE = se / (value * (1 - value))
            return make(Self.expit(logit - t * logitSE), Self.expit(logit + t * logitSE))
        case .kornGraubard:
            guard degreesOfFreedom >= 1, rows > 1 else { return nil }
            var effective = variance > 0 ? value * (1 - value) / variance : .infinity
            let ratio = StudentTDistribution(degreesOfFreedom: Double(rows - 1)).quantile(alpha / 2)
                / StudentTDistribution(degreesOfFreedom: df).quantile(alpha / 2)
            effective *= ratio * ratio
            if !effective.isFinite { return make(value, value) }
            let lower = value <= 0 ? 0
                : BetaDistribution(alpha: effective * value, beta: effective * (1 - value) + 1).quantile(alpha / 2)
            let upper = value >= 1 ? 1
                : BetaDistribution(alpha: effective * value + 1, beta: effective * (1 - value)).quantile(1 - alpha / 2)
            return make(lower, upper)
        }
    }

    static func expit(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }
}
