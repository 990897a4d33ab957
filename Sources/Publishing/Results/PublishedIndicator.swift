import Frameworks
import Survey

/// An indicator of a published round: its values with disclosure control applied, a structural
/// assessment, or no data with the reason.
public struct PublishedIndicator: Sendable, Hashable, Codable {
    public var code: String
    /// The measure: "proportion", "mean", "median", "total", "ratio" or "assessment".
    public var kind: String
    /// The unit values are published in ("percent" for proportions expressed as percentages).
    public var unit: String
    /// Overall first, then each grouping of the indicator's disaggregation, as computed.
    public var values: [PublishedValue]
    public var assessment: Assessment?
    public var noDataReason: String?
    /// The compared group against the reference population (``PublishedRound/comparison``), made
    /// from the two published values; nil when the indicator is not broken down by the compared
    /// dimension or has no direction to judge by.
    public var gap: Gap?

    public init(code: String, kind: String, unit: String, values: [PublishedValue], assessment: Assessment?, noDataReason: String?, gap: Gap? = nil) {
        self.code = code
        self.kind = kind
        self.unit = unit
        self.values = values
        self.assessment = assessment
        self.noDataReason = noDataReason
        self.gap = gap
    }

    /// The value for everyone.
    public var overall: PublishedValue? { values.first { $0.dimensions.isEmpty } }
}

extension PublishedIndicator {
    /// The published value of one domain, e.g. (["SEX"], ["F"]).
    public func value(dimensions: [String], levels: [String]) -> PublishedValue? {
        values.first { $0.dimensions == dimensions && $0.levels == levels }
    }
}
