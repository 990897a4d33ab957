/// One line of a ``TrendChart``: a population group's values over the rounds.
public struct TrendSeries: Sendable, Hashable {
    /// Who the line stands for, written next to its last point.
    public var label: String
    /// The values by period; when a period appears twice, the first point counts.
    public var points: [TrendChartPoint]

    public init(label: String, points: [TrendChartPoint]) {
        self.label = label
        self.points = points
    }
}
