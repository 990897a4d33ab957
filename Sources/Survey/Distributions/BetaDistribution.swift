import Foundation

/// The beta distribution with shapes `alpha` and `beta`: its quantiles are the Clopper-Pearson
/// limits behind the Korn-Graubard interval for a proportion.
public struct BetaDistribution: Sendable, Hashable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// P(X <= x).
    public func cdf(_ x: Double) -> Double {
        IncompleteBeta.regularized(x, a: alpha, b: beta)
    }

    /// The density at x in (0, 1).
    public func density(_ x: Double) -> Double {
        if x <= 0 || x >= 1 { return 0 }
        return exp((alpha - 1) * log(x) + (beta - 1) * log1p(-x) - IncompleteBeta.logBeta(alpha, beta))
    }

    /// The x with P(X <= x) = p; NaN for shapes that are not positive.
    public func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 || !(alpha > 0) || !(beta > 0) { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        let mean = alpha / (alpha + beta)
        if p <= 0.5 {
            return MonotoneInversion.solve(lower: 0, upper: 1, start: mean) { x in
                (IncompleteBeta.regularized(x, a: alpha, b: beta) - p, density(x))
            }
        }
        // Upper half: match the upper tail, which is computed without cancellation.
        let tail = 1 - p
        return MonotoneInversion.solve(lower: 0, upper: 1, start: mean) { x in
            (tail - IncompleteBeta.regularizedComplement(x, a: alpha, b: beta), density(x))
        }
    }
}
