import Frameworks
import Survey

/// One indicator's value for one domain across the published rounds of a project, and the change
/// between the last two rounds that have numbers, with its verdict (progress, no significant
/// change, regression). Built from published rounds only, so a trend shows nothing the rounds did
/// not already show.
public struct IndicatorTrend: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var round: Int
        public var period: String
        /// Nil when the round did not publish the indicator for this domain.
        public var value: PublishedValue?
    }

    public var code: String
    public var dimensions: [String]
    public var levels: [String]
    /// Oldest round first.
    public var points: [Point]
    /// From the second-last to the last round with a number; nil with fewer than two, or when the
    /// indicator has no direction to judge a change by.
    public var change: RoundChange?
    /// The periods ``change`` runs from and to; empty without a change.
    public var changePeriods: [String] = []

    /// - Parameter rounds: the public rounds of the project, in any order.
    public init(code: String, dimensions: [String] = [], levels: [String] = [], rounds: [PublishedRound],
                direction: Frameworks.IndicatorDirection) {
        self.code = code
        self.dimensions = dimensions
        self.levels = levels
        points = rounds.sorted { $0.round < $1.round }.map { round in
            Point(round: round.round, period: round.period, value: round[code]?.value(dimensions: dimensions, levels: levels))
        }
        let shown = points.filter { $0.value?.estimate != nil }
        guard shown.count >= 2, let direction = Survey.IndicatorDirection(direction) else {
            change = nil
            return
        }
        // Rounds are independent samples; values are already in the display unit.
        changePeriods = [shown[shown.count - 2].period, shown[shown.count - 1].period]
        change = try? RoundChange(from: shown[shown.count - 2].value?.estimate, to: shown[shown.count - 1].value?.estimate,
                                  scale: .mean, direction: direction)
    }

    /// Whether two or more rounds show a number: what a trend line needs.
    public var hasTrend: Bool { points.filter { $0.value?.value != nil }.count >= 2 }
}
