/// A remark that travels with an estimate because it changes how far the number can be trusted
/// or how it was computed.
public enum EstimateNote: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Strata with one PSU: their variance contribution is centred at the grand mean of the PSU
    /// totals (R's `survey.lonely.psu = "adjust"`).
    case lonelyPSU(strata: [String])
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
            "Stratum \(strata.map { "'\($0)'" }.joined(separator: ", ")) has only one PSU; its variance is centred at the grand mean (lonely PSU adjustment)."
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
