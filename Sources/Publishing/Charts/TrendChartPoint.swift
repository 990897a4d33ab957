/// One period's estimate in a ``TrendSeries``, with its confidence interval.
///
/// The period is matched by name against the chart's periods, so that a series may skip a
/// round (the question was not asked, or the value was suppressed) without shifting the rest.
public struct TrendChartPoint: Sendable, Hashable {
    /// The period as the axis labels it, e.g. "2024".
    public var period: String
    /// The estimate; nil breaks the line here rather than joining across a missing round.
    public var value: Double?
    /// Lower end of the confidence interval.
    public var low: Double?
    /// Upper end of the confidence interval.
    public var high: Double?

    public init(period: String, value: Double?, low: Double? = nil, high: Double? = nil) {
        self.period = period
        self.value = value
        self.low = low
        self.high = high
    }
}
