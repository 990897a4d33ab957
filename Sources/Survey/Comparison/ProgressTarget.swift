/// A numerical target and the year by which it should be reached (e.g. an employment rate of
/// 60% by 2030). Progress is judged against what it would take to get there in time, not against
/// standing still.
public struct ProgressTarget: Sendable, Hashable, Codable {
    /// The target value, in the same unit as the series.
    public var value: Double
    /// The year by which the target should be reached, e.g. 2030.
    public var year: Int

    public init(value: Double, year: Int) {
        self.value = value
        self.year = year
    }
}
