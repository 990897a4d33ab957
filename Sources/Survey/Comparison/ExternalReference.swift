/// A value from outside the survey to compare a group with, typically an official statistic for
/// the general population or for persons without disabilities. It carries its own standard error
/// because official statistics come from samples too: ignoring their uncertainty would call gaps
/// significant that are not. Its sample is independent of ours, so the two variances add.
public struct ExternalReference: Sendable, Hashable, Codable {
    /// The reference value, in the same unit as the survey estimate: a share between 0 and 1 for
    /// proportions (see ``percent(_:standardError:source:)`` for figures published as percentages).
    public var value: Double
    /// The reference's standard error, same unit as ``value``; nil when it is not published, in
    /// which case the value is treated as known exactly (a census count, a legal threshold).
    public var standardError: Double?
    /// Where the figure comes from, shown next to the comparison (e.g. "Labour Force Survey 2024").
    public var source: String

    public init(value: Double, standardError: Double? = nil, source: String) {
        self.value = value
        self.standardError = standardError
        self.source = source
    }

    /// A reference published as a percentage (and its standard error in percentage points),
    /// converted to the share between 0 and 1 that proportion estimates use.
    public static func percent(_ value: Double, standardError: Double? = nil, source: String) -> ExternalReference {
        ExternalReference(value: value / 100, standardError: standardError.map { $0 / 100 }, source: source)
    }
}
