/// The estimate of one indicator in one domain of one grouping: the unit of a framework's results
/// table (indicator x disaggregation x level), flat so it can be written out or filtered for
/// disclosure control (``Estimate/sampleSize`` is the unweighted n).
public struct IndicatorDomainEstimate: Sendable, Hashable, Codable {
    public var indicator: String
    public var kind: CodedIndicator.Kind
    /// The dimensions of the grouping: [] overall, ["sex"], ["sex", "disability"].
    public var dimensions: [String]
    /// The domain's level in each dimension (labels); [] overall.
    public var levels: [String]
    public var estimate: Estimate

    public init(indicator: String, kind: CodedIndicator.Kind, dimensions: [String], levels: [String], estimate: Estimate) {
        self.indicator = indicator
        self.kind = kind
        self.dimensions = dimensions
        self.levels = levels
        self.estimate = estimate
    }
}
