/// How the annual rates of a progress assessment were computed. Compound growth (the
/// methodology's default) needs positive values; with a zero or negative value, or a target of
/// zero ("end" something), linear yearly change is used instead and the page should say so.
public enum AnnualRateKind: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Compound annual growth rate: (end / start)^(1 / years) - 1.
    case compound
    /// Linear change per year: (end - start) / years, in the indicator's unit.
    case linear

    public var description: String {
        switch self {
        case .compound: "Compound annual growth rate"
        case .linear: "Average change per year"
        }
    }
}
