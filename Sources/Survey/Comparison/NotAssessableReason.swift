/// Why a gap, change or progress category could not be given. Saying why matters on a public
/// page: "not enough data" is not the same as "no difference", and readers should see which.
public enum NotAssessableReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The group has no estimate: no answers, or too few to publish.
    case groupMissing
    /// There is no reference value to compare with.
    case referenceMissing
    /// The earlier round has no estimate.
    case earlierRoundMissing
    /// The later round has no estimate.
    case laterRoundMissing
    /// An estimate exists but its standard error could not be estimated, so no interval.
    case uncertaintyUnknown
    /// A trend needs values from at least two years.
    case fewerThanTwoPoints
    /// No value lies after the baseline year, so there is no trend since the baseline.
    case noPointAfterBaseline

    public var description: String {
        switch self {
        case .groupMissing:
            "There is no estimate for this group (no answers, or too few to publish)."
        case .referenceMissing:
            "There is no reference value to compare with."
        case .earlierRoundMissing:
            "There is no estimate for the earlier round."
        case .laterRoundMissing:
            "There is no estimate for the later round."
        case .uncertaintyUnknown:
            "The margin of error could not be estimated, so the difference cannot be judged."
        case .fewerThanTwoPoints:
            "Progress can only be assessed with values from at least two years."
        case .noPointAfterBaseline:
            "There is no value after the baseline year to measure progress from."
        }
    }
}
