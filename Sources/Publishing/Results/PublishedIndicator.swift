import Frameworks

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

    public init(code: String, kind: String, unit: String, values: [PublishedValue], assessment: Assessment?, noDataReason: String?) {
        self.code = code
        self.kind = kind
        self.unit = unit
        self.values = values
        self.assessment = assessment
        self.noDataReason = noDataReason
    }

    /// The value for everyone.
    public var overall: PublishedValue? { values.first { $0.dimensions.isEmpty } }
}
