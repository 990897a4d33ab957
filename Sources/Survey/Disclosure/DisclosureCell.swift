/// One cell of a table before disclosure control: its unweighted n and, when there is one, the
/// estimate and standard error that will be published with it.
///
/// `coordinates` has one entry per table dimension: a level of that dimension, or nil for the
/// total over it. So `[nil, nil]` is the grand total of a two-way table and `["female", nil]` is
/// the female row margin.
public struct DisclosureCell: Sendable, Hashable, Codable {
    public var coordinates: [String?]
    /// Unweighted number of respondents the cell rests on. Counts are additive: a margin's count
    /// is the sum of the counts of the cells it totals.
    public var count: Int
    public var estimate: Double?
    public var standardError: Double?

    public init(coordinates: [String?], count: Int, estimate: Double? = nil, standardError: Double? = nil) {
        self.coordinates = coordinates
        self.count = count
        self.estimate = estimate
        self.standardError = standardError
    }
}
