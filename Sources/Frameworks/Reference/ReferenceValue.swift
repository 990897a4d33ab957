/// An official statistic for the general population (from the national statistics office, the UN
/// SDG database, a census): what a group's value is compared with to show the gap.
public struct ReferenceValue: Sendable, Hashable, Codable {
    /// The framework indicator it is the reference for.
    public var indicator: String
    /// The period it refers to, e.g. "2024" or "2023-Q4".
    public var period: String
    /// The levels of the dimensions it is disaggregated by (SDMX codes); empty for the total.
    public var levels: [String: String]
    public var value: Double
    /// Where given.
    public var standardError: Double?
    /// Who published it, and where: shown wherever the gap is.
    public var source: String

    public init(indicator: String, period: String, levels: [String: String], value: Double, standardError: Double?, source: String) {
        self.indicator = indicator
        self.period = period
        self.levels = levels
        self.value = value
        self.standardError = standardError
        self.source = source
    }

    /// The dimensions, sorted: the key under which it meets an estimate.
    public var dimensions: [String] { levels.keys.sorted() }
}
