/// Solves f(x) = target for a continuous increasing f on a bracket, by Newton steps that fall back
/// to bisection whenever a step would leave the bracket. Quantile functions are inverses of CDFs
/// that have no closed form, so they are all found this way: Newton gives full precision in a few
/// steps, the bracket guarantees an answer even where Newton would wander.
enum MonotoneInversion {
    /// - Parameters:
    ///   - lower, upper: a bracket with f(lower) <= target <= f(upper).
    ///   - start: a first guess inside the bracket.
    ///   - residualAndSlope: f(x) - target (negative below the root) and f'(x).
    static func solve(
        lower: Double, upper: Double, start: Double,
        _ residualAndSlope: (Double) -> (residual: Double, slope: Double)
    ) -> Double {
        var low = lower
        var high = upper
        var x = min(max(start, low), high)
        for _ in 0..<300 {
            let (residual, slope) = residualAndSlope(x)
            if residual == 0 { return x }
            if residual < 0 { low = x } else { high = x }
            var next = x - residual / slope
            if !(slope > 0) || !next.isFinite || next <= low || next >= high {
                next = 0.5 * (low + high)
            }
            let step = abs(next - x)
            x = next
            if step <= 1e-15 * abs(x) || high - low <= 1e-15 * max(abs(low), abs(high)) || step < 1e-300 {
                break
            }
        }
        return x
    }
}
