/// One stage of sampling, precomputed as integer indices so the variance is a pass over arrays
/// rather than a lookup of labels per row.
///
/// At stage 1 the units are PSUs and their groups are strata; at a later stage the units are the
/// clusters sampled inside each unit of the stage before, and a group is that parent unit.
struct SamplingStage: Sendable {
    /// The unit (0..<unitCount) each row belongs to at this stage.
    var unitOfRow: [Int]
    var unitCount: Int
    /// The group (stratum, or parent unit) of each unit.
    var groupOfUnit: [Int]
    var groupCount: Int
    /// Units sampled in each group (over the whole sample, whatever the domain).
    var unitsInGroup: [Int]
    /// Per group: (N - n) / N with an fpc, 1 without (sampling with replacement).
    var finiteFactor: [Double]
    /// Per group: n / N, or nil when the stage has no fpc.
    var samplingFraction: [Double]?
    /// Per group: the product of the sampling fractions of the earlier stages above it, which
    /// scales this stage's variance term (1 at stage 1).
    var scale: [Double]
    /// Per unit: its unit at the stage before (nil at stage 1).
    var parentOfUnit: [Int]?
    /// Per group: a label for messages ("stratum 'E'").
    var groupLabels: [String]
}
