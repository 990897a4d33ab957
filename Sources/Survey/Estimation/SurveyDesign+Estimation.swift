/// Estimating one statistic, overall or in one domain.
extension SurveyDesign {
    /// Estimates `statistic` for the whole population or, given `domain`, for that subpopulation.
    ///
    /// - Parameters:
    ///   - interval: the confidence interval method; by default logit for proportions and a t
    ///     interval on the design degrees of freedom otherwise.
    ///   - confidenceLevel: e.g. 0.95.
    public func estimate(
        _ statistic: Statistic, in domain: Domain? = nil, interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> Estimate {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        let columns = try columns(for: statistic)
        let membership = try domain.map { (domain) throws(EstimationError) in try self.membership(of: domain) }
        let linearization = linearize(columns, membership: membership)
        let totals = influenceTotals(of: [linearization.influence])
        let variance = covariance(of: totals, blocks: [0..<1])[0][0]
        return finish(
            linearization, variance: variance, membership: membership, statistic: statistic,
            interval: interval, confidenceLevel: confidenceLevel)
    }

    /// The mean of a numeric column (missing values left out).
    public func mean(_ column: String, in domain: Domain? = nil) throws(EstimationError) -> Estimate {
        try estimate(.mean(column), in: domain)
    }

    /// The estimated population total of a numeric column.
    public func total(_ column: String, in domain: Domain? = nil) throws(EstimationError) -> Estimate {
        try estimate(.total(column), in: domain)
    }

    /// The ratio of the totals of two numeric columns (rows missing either are left out).
    public func ratio(_ numerator: String, to denominator: String, in domain: Domain? = nil) throws(EstimationError) -> Estimate {
        try estimate(.ratio(numerator: numerator, denominator: denominator), in: domain)
    }

    /// The share of rows whose `column` equals `level`, with a logit (default) or Korn-Graubard
    /// interval.
    public func proportion(
        _ column: String, equals level: String, in domain: Domain? = nil, interval: IntervalMethod = .logit,
        confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> Estimate {
        try estimate(.proportion(column, level: level), in: domain, interval: interval, confidenceLevel: confidenceLevel)
    }

    /// Wraps a linearised statistic and its variance into an ``Estimate``.
    func finish(
        _ linearization: Linearization, variance: Double, membership: [Bool]?, statistic: Statistic,
        interval: IntervalMethod?, confidenceLevel: Double
    ) -> Estimate {
        let isProportion: Bool
        if case .proportion = statistic { isProportion = true } else { isProportion = false }
        return assemble(
            value: linearization.value, variance: variance, sampleSize: linearization.sampleSize,
            weightedSize: linearization.weightedSize, srsVariance: linearization.simpleRandomSampleVariance,
            degreesOfFreedom: degreesOfFreedom(membership: membership),
            rows: membership.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? rowCount,
            isProportion: isProportion, interval: interval ?? Self.defaultInterval(for: statistic),
            confidenceLevel: confidenceLevel)
    }

    /// An ``Estimate`` from its parts, with this design's notes.
    func assemble(
        value: Double, variance: Double, sampleSize: Int, weightedSize: Double, srsVariance: Double?,
        degreesOfFreedom df: Int, rows: Int, isProportion: Bool, interval method: IntervalMethod, confidenceLevel: Double
    ) -> Estimate {
        Estimate.assembled(
            value: value, variance: variance, sampleSize: sampleSize, weightedSize: weightedSize, srsVariance: srsVariance,
            degreesOfFreedom: df, rows: rows, isProportion: isProportion, interval: method, confidenceLevel: confidenceLevel,
            designNotes: notes)
    }

    static func defaultInterval(for statistic: Statistic) -> IntervalMethod {
        if case .proportion = statistic { return .logit }
        return .wald
    }
}
