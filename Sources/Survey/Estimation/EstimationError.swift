/// Why an estimate could not be computed, in words the person asking can act on.
public enum EstimationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingColumn(String)
    case notNumeric(column: String)
    /// A domain level asked for (in a contrast or a filter) does not occur in the data.
    case unknownDomain(dimension: [String], level: [String])
    case invalidProbability(Double)
    case invalidConfidenceLevel(Double)
    /// The design has no rows in the domain with a value.
    case noData(column: String)

    public var description: String {
        switch self {
        case .missingColumn(let name):
            "There is no column '\(name)' in the data."
        case .notNumeric(let column):
            "Column '\(column)' must hold numbers for this estimate, but some values are not numbers."
        case .unknownDomain(let dimension, let level):
            "There is no domain \(zip(dimension, level).map { "\($0)=\($1)" }.joined(separator: ", ")) in the data."
        case .invalidProbability(let p):
            "A quantile needs a probability between 0 and 1, not \(p)."
        case .invalidConfidenceLevel(let level):
            "A confidence level must be between 0 and 1 (such as 0.95), not \(level)."
        case .noData(let column):
            "No row has a value of '\(column)' here."
        }
    }
}
