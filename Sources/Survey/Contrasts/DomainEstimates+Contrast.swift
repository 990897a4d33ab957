import Foundation

/// Comparing two domains: the gap (A minus B) and the ratio (A / B), with standard errors that
/// count the covariance between the two estimates (R's `svycontrast` on `svyby(covmat = TRUE)`).
extension DomainEstimates {
    /// Estimate of domain `first` minus domain `second` (levels, one per dimension), with a
    /// normal-theory interval as R's `confint` on a contrast.
    public func difference(
        _ first: [String], minus second: [String], confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> Estimate {
        let (a, b) = try indices(first, second)
        let value = estimates[a].value - estimates[b].value
        let variance = covariance(a, a) + covariance(b, b) - 2 * covariance(a, b)
        return contrast(value: value, variance: variance, a: a, b: b, confidenceLevel: confidenceLevel)
    }

    /// Estimate of domain `first` divided by domain `second`, with a delta-method standard error.
    public func ratio(
        _ first: [String], to second: [String], confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> Estimate {
        let (a, b) = try indices(first, second)
        let numerator = estimates[a].value
        let denominator = estimates[b].value
        let value = numerator / denominator
        // Gradient of A / B: (1 / B, -A / B^2).
        let gradientA = 1 / denominator
        let gradientB = -numerator / (denominator * denominator)
        let variance = gradientA * gradientA * covariance(a, a) + gradientB * gradientB * covariance(b, b)
            + 2 * gradientA * gradientB * covariance(a, b)
        return contrast(value: value, variance: variance, a: a, b: b, confidenceLevel: confidenceLevel)
    }

    private func indices(_ first: [String], _ second: [String]) throws(EstimationError) -> (Int, Int) {
        guard let a = index(of: first) else { throw .unknownDomain(dimension: dimensions, level: first) }
        guard let b = index(of: second) else { throw .unknownDomain(dimension: dimensions, level: second) }
        return (a, b)
    }

    private func contrast(value: Double, variance: Double, a: Int, b: Int, confidenceLevel: Double) -> Estimate {
        let interval = IntervalMethod.waldNormal.interval(
            value: value, variance: variance, degreesOfFreedom: 0, rows: 0, level: confidenceLevel)
        var notes: [EstimateNote] = []
        for note in estimates[a].notes + estimates[b].notes where !notes.contains(note) { notes.append(note) }
        return Estimate(
            value: value, standardError: max(variance, 0).squareRoot(), interval: interval,
            degreesOfFreedom: min(estimates[a].degreesOfFreedom, estimates[b].degreesOfFreedom),
            sampleSize: estimates[a].sampleSize + estimates[b].sampleSize,
            weightedSize: estimates[a].weightedSize + estimates[b].weightedSize, notes: notes)
    }
}
