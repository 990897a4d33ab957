import Survey

/// One number of a published round as the public may see it: an estimate for everyone, a group
/// or an intersection of groups, in the indicator's unit, or the mark that it is suppressed.
/// A suppressed value carries no numbers at all, so no page or file can print them by mistake.
public struct PublishedValue: Sendable, Hashable, Codable {
    public var dimensions: [String]
    /// The SDMX code of each dimension's level, in the order of `dimensions`.
    public var levels: [String]
    public var value: Double?
    public var standardError: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Unweighted respondents behind the value.
    public var n: Int?
    /// Why the value is hidden; nil when it is shown.
    public var suppression: SuppressionReason?
    /// Shown, but so imprecise (relative standard error above the rules' limit) that it comes with a caution.
    public var isUnreliable: Bool

    public init(dimensions: [String], levels: [String], value: Double?, standardError: Double?, ciLow: Double?, ciHigh: Double?,
                n: Int?, suppression: SuppressionReason?, isUnreliable: Bool) {
        self.dimensions = dimensions
        self.levels = levels
        self.value = value
        self.standardError = standardError
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.n = n
        self.suppression = suppression
        self.isUnreliable = isUnreliable
    }

    public var isSuppressed: Bool { suppression != nil }

    /// The level of `dimension`, or nil when the value is a total over it.
    public func level(of dimension: String) -> String? {
        dimensions.firstIndex(of: dimension).map { levels[$0] }
    }

    /// Flags as tidy files write them: `S` suppressed (too few respondents), `SP` suppressed to
    /// protect another cell, `SW` table withheld, `U` unreliable. Empty when none applies.
    public var flags: String {
        switch suppression {
        case .tooFewRespondents: "S"
        case .protectsHiddenCell: "SP"
        case .tableWithheld: "SW"
        case nil: isUnreliable ? "U" : ""
        }
    }
}
