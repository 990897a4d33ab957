/// What to estimate from a design. Naming the statistic as a value (rather than one method per
/// kind) lets callers such as the command line or a framework definition pass it around, and
/// lets the same code estimate it overall, in a domain, or for every domain of a dimension.
public enum Statistic: Sendable, Hashable, Codable {
    /// The weighted mean of a numeric column (R's `svymean`).
    case mean(String)
    /// The estimated population total of a numeric column (R's `svytotal`).
    case total(String)
    /// The ratio of two totals (R's `svyratio`).
    case ratio(numerator: String, denominator: String)
    /// The share of rows whose `column` equals `level` (the mean of that indicator), among rows
    /// where `column` is not missing.
    case proportion(String, level: String)

    /// The columns the statistic reads.
    public var columns: [String] {
        switch self {
        case .mean(let column), .total(let column), .proportion(let column, _): [column]
        case .ratio(let numerator, let denominator): [numerator, denominator]
        }
    }
}
