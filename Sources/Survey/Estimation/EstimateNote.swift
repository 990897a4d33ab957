/// A remark that travels with an estimate because it changes how far the number can be trusted
/// or how it was computed.
public enum EstimateNote: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Strata with one PSU: each adds its PSU total of influence values squared, uncentred (R's
    /// `survey.lonely.psu = "adjust"`: for means and proportions that is centring at the grand
    /// mean; for totals it is more conservative).
    case lonelyPSU(strata: [String])
    /// At a later stage of a design with fpcs, `count` clusters of the stage above had a single
    /// unit sampled (out of more than one); each adds its uncentred total, as R's "adjust".
    case lonelyUnits(stage: Int, count: Int)
    /// Raking stopped before the weighted margins stopped changing.
    case rakingNotConverged(iterations: Int)
    /// No rows with a value in the domain: there is nothing to estimate.
    case noData
    /// The variance could not be estimated (for instance, a single PSU and no design df).
    case varianceUnavailable
    /// The estimate is a proportion of 0 or 1, whose logit interval degenerates.
    case degenerateProportion

    public var description: String {
        switch self {
        case .lonelyPSU(let strata):
            "Stratum \(strata.map { "'\($0)'" }.joined(separator: ", ")) has only one PSU; its variance contribution is its uncentred PSU total (lonely PSU adjustment, as R's survey.lonely.psu = \"adjust\")."
        case .lonelyUnits(let stage, let count):
            "At sampling stage \(stage), \(count) cluster(s) had a single unit sampled; each contributes its uncentred total (lonely PSU adjustment)."
        case .rakingNotConverged(let iterations):
            "Raking did not converge after \(iterations) iterations."
        case .noData:
            "No rows with a value in this domain."
        case .varianceUnavailable:
            "The standard error could not be estimated."
        case .degenerateProportion:
            "The proportion is 0 or 1; its interval is degenerate."
        }
    }
}
