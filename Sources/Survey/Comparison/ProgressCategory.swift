/// SDG-style progress towards a target, in the categories a public page shows. They follow the
/// trend categories of the UN Statistics Division's SDG Progress Chart (see
/// ``ProgressAssessment``), renamed in plain words:
///
/// | UNSD Progress Chart wording                  | Here                   |
/// |----------------------------------------------|------------------------|
/// | target achieved / met                        | ``targetMet``          |
/// | substantial progress / on track              | ``onTrack``            |
/// | fair progress but acceleration needed        | ``accelerationNeeded`` |
/// | limited or no progress                       | ``limitedProgress``    |
/// | deterioration                                | ``deterioration``      |
/// | insufficient data                            | ``notAssessable(_:)``  |
public enum ProgressCategory: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The latest value already reaches the target.
    case targetMet
    /// At the pace since the baseline the target will be reached by the target year (actual pace
    /// at least 95% of the pace required).
    case onTrack
    /// Moving towards the target, but too slowly (50% to 95% of the required pace).
    case accelerationNeeded
    /// Little or no movement towards the target (-10% to 50% of the required pace).
    case limitedProgress
    /// Moving away from the target (below -10% of the required pace), or falling back from a
    /// target that had been reached.
    case deterioration
    case notAssessable(NotAssessableReason)

    public var description: String {
        switch self {
        case .targetMet:
            "Target met: the latest value already reaches the target."
        case .onTrack:
            "On track: at the pace seen so far, the target will be reached in time."
        case .accelerationNeeded:
            "Acceleration needed: moving towards the target, but too slowly to reach it in time."
        case .limitedProgress:
            "Limited progress: little or no movement towards the target."
        case .deterioration:
            "Deterioration: moving away from the target."
        case .notAssessable(let reason):
            "Progress cannot be assessed. \(reason.description)"
        }
    }
}
