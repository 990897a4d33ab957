import Foundation

/// The standard normal distribution: the large-sample reference for Wald intervals and contrasts
/// (R's `confint` on `svycontrast` uses it).
public enum NormalDistribution {
    /// P(Z <= z).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The density at z.
    public static func density(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// The z with P(Z <= z) = p; -infinity at 0 and +infinity at 1.
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Work in the lower tail, where Phi(z) is computed without cancellation.
        let tail = min(p, 1 - p)
        let sign: Double = p < 0.5 ? -1 : 1
        // Starting guess: Abramowitz & Stegun 26.2.23 (error below 5e-4), then Newton polishes it.
        let t = (-2 * log(tail)).squareRoot()
        let guess = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
        let lowerTailRoot = MonotoneInversion.solve(lower: -40, upper: 0, start: -guess) { z in
            (cdf(z) - tail, density(z))
        }
        return sign * -lowerTailRoot
    }
}
