import Foundation

/// Student's t distribution with `degreesOfFreedom`: survey confidence intervals use t with the
/// design's degrees of freedom (PSUs minus strata) rather than the normal, as R's `svyciprop` does.
public struct StudentTDistribution: Sendable, Hashable {
    public var degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T <= t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let tail = upperTail(abs(t))
        return t >= 0 ? 1 - tail : tail
    }

    /// P(T > t) for t >= 0, from the incomplete beta without cancellation.
    func upperTail(_ t: Double) -> Double {
        if t == .infinity { return 0 }
        let nu = degreesOfFreedom
        if !nu.isFinite { return 1 - NormalDistribution.cdf(t) }
        return 0.5 * IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// The density at t.
    public func density(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        if !nu.isFinite { return NormalDistribution.density(t) }
        let logDensity = -0.5 * log(nu) - IncompleteBeta.logBeta(nu / 2, 0.5)
            - (nu + 1) / 2 * log1p(t * t / nu)
        return exp(logDensity)
    }

    /// The t with P(T <= t) = p. Infinite degrees of freedom give the normal quantile;
    /// degrees of freedom <= 0 give NaN.
    public func quantile(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        if p.isNaN || p < 0 || p > 1 || nu.isNaN || nu <= 0 { return .nan }
        if !nu.isFinite { return NormalDistribution.quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve P(T > t) = tail for t > 0, then use the symmetry of t.
        let tail = min(p, 1 - p)
        var upper = max(1.0, abs(NormalDistribution.quantile(tail)))
        while upperTail(upper) > tail && upper < 1e300 { upper *= 4 }
        let start = min(abs(NormalDistribution.quantile(tail)), upper)
        let root = MonotoneInversion.solve(lower: 0, upper: upper, start: start) { t in
            (tail - upperTail(t), density(t))
        }
        return p < 0.5 ? -root : root
    }
}
