/// A confidence interval with the level and method that produced it, so a reader never has to
/// guess what "95%" meant.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double
    /// The confidence level, e.g. 0.95.
    public var level: Double
    public var method: IntervalMethod

    public init(lower: Double, upper: Double, level: Double, method: IntervalMethod) {
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
    }
}
