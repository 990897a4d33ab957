/// Quantiles (medians, quartiles) of a numeric column, as R's `svyquantile` with its defaults:
/// `qrule = "math"` and a Woodruff interval (`interval.type = "mean"`).
extension SurveyDesign {
    /// The `probability` quantile of `column` (0.5: the median), overall or in `domain`.
    ///
    /// - The point estimate is the smallest value whose weighted cumulative share reaches
    ///   `probability` (the inverse of the weighted distribution function; where the share equals
    ///   `probability` exactly, that value).
    /// - The interval is Woodruff's: with p = the estimated share at or below the quantile, a t
    ///   interval (design df) for p is mapped back through the same quantile rule. A limit whose
    ///   p falls outside [0, 1] is left open (-infinity or +infinity).
    /// - The standard error is the interval's width / (2 t), as R reports it.
    /// - Degrees of freedom count the PSUs and strata of rows with a value (R's `na.rm = TRUE`).
    public func quantile(
        _ column: String, probability: Double, in domain: Domain? = nil, confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> Estimate {
        guard probability >= 0, probability <= 1 else { throw .invalidProbability(probability) }
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        let values = try numbers(column)
        let membership = try domain.map { (domain) throws(EstimationError) in try self.membership(of: domain) }
        var sorted: [(value: Double, weight: Double)] = []
        for row in 0..<rowCount where weights[row] > 0 && (membership?[row] ?? true) {
            if let value = values[row] { sorted.append((value, weights[row])) }
        }
        guard !sorted.isEmpty else { throw .noData(column: column) }
        sorted.sort { $0.value < $1.value }
        var cumulative: [Double] = []
        cumulative.reserveCapacity(sorted.count)
        var running = 0.0
        for entry in sorted {
            running += entry.weight
            cumulative.append(running)
        }
        // Cumulative weights equal to p * total up to rounding count as equal (R compares exactly,
        // but its sums carry extended precision; equal weights must give the same answer).
        let slack = 1e-10 * running
        func quantile(at p: Double) -> Double {
            let target = p * running
            // Last position whose cumulative weight is at most the target.
            var low = 0
            var high = cumulative.count
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] <= target + slack { low = middle + 1 } else { high = middle }
            }
            let position = low - 1
            if position < 0 { return sorted[0].value }
            if abs(target - cumulative[position]) <= slack || position == sorted.count - 1 { return sorted[position].value }
            return sorted[position + 1].value
        }
        let estimate = quantile(at: probability)

        // The share at or below the estimate, as a mean of an indicator (with its design variance).
        let indicator: [Double?] = values.map { value in value.map { $0 <= estimate ? 1 : 0 } }
        let share = linearize(StatisticColumns(kind: .mean, values: indicator, denominators: nil, name: column), membership: membership)
        let variance = covariance(of: influenceTotals(of: [share.influence]), blocks: [0..<1])[0][0]
        // As R (na.rm = TRUE subsets the design first): df among rows with a value.
        let withValue = (0..<rowCount).map { row in values[row] != nil && (membership?[row] ?? true) }
        let df = degreesOfFreedom(membership: withValue)
        var notes = self.notes
        var interval: ConfidenceInterval?
        var standardError = Double.nan
        if df >= 1 {
            let t = StudentTDistribution(degreesOfFreedom: Double(df)).quantile(1 - (1 - confidenceLevel) / 2)
            let se = variance.squareRoot()
            let lowerShare = share.value - t * se
            let upperShare = share.value + t * se
            let lower = lowerShare < 0 ? -Double.infinity : quantile(at: lowerShare)
            let upper = upperShare > 1 ? Double.infinity : quantile(at: upperShare)
            interval = ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel, method: .wald)
            standardError = (upper - lower) / (2 * t)
        } else {
            notes.append(.varianceUnavailable)
        }
        let linearized = linearize(StatisticColumns(kind: .mean, values: values, denominators: nil, name: column), membership: membership)
        return Estimate(
            value: estimate, standardError: standardError, interval: interval, degreesOfFreedom: df,
            sampleSize: linearized.sampleSize, weightedSize: linearized.weightedSize, notes: notes)
    }
}
