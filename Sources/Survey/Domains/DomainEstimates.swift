/// Estimates of one statistic for every domain of a dimension (or of crossed dimensions), with
/// the covariance between them, as R's `svyby(..., covmat = TRUE)`. Domain estimates from the
/// same sample are correlated (they share PSUs and, after calibration, weights), so comparing two
/// of them needs this covariance, not just their standard errors.
public struct DomainEstimates: Sendable, Hashable, Codable {
    /// The columns that define the domains, e.g. ["stype"] or ["stype", "awards"].
    public var dimensions: [String]
    /// Each domain's levels, one per dimension, in sorted order.
    public var levels: [[String]]
    /// The estimate of each domain, in the order of ``levels``.
    public var estimates: [Estimate]
    /// Row-major covariance matrix of the estimates (domains x domains).
    public var covariance: [Double]

    public init(dimensions: [String], levels: [[String]], estimates: [Estimate], covariance: [Double]) {
        self.dimensions = dimensions
        self.levels = levels
        self.estimates = estimates
        self.covariance = covariance
    }

    /// The index of the domain with these levels (one per dimension).
    public func index(of level: [String]) -> Int? {
        levels.firstIndex(of: level)
    }

    /// The estimate for the domain with these levels.
    public subscript(level: String...) -> Estimate? {
        index(of: level).map { estimates[$0] }
    }

    /// The covariance of the estimates of domains `first` and `second` (indices).
    public func covariance(_ first: Int, _ second: Int) -> Double {
        covariance[first * levels.count + second]
    }
}
