/// Why a framework estimation could not run, naming the column or dimension at fault.
public enum FrameworkEstimationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An indicator or dimension column does not have one value per row of the design.
    case lengthMismatch(column: String, rows: Int, expected: Int)
    /// A grouping names a dimension that was not given.
    case unknownDimension(String)
    /// A dimension code is at or beyond the number of its labels.
    case codeWithoutLabel(dimension: String, row: Int, code: Int32)
    /// A ratio indicator has no denominator column.
    case ratioWithoutDenominator(indicator: String)
    case invalidConfidenceLevel(Double)

    public var description: String {
        switch self {
        case .lengthMismatch(let column, let rows, let expected):
            "Column '\(column)' has \(rows) rows, but the design has \(expected)."
        case .unknownDimension(let name):
            "A grouping uses dimension '\(name)', which was not given."
        case .codeWithoutLabel(let dimension, let row, let code):
            "Dimension '\(dimension)' has code \(code) in row \(row), but no label for it."
        case .ratioWithoutDenominator(let indicator):
            "Indicator '\(indicator)' is a ratio but has no denominator column."
        case .invalidConfidenceLevel(let level):
            "A confidence level must be between 0 and 1 (such as 0.95), not \(level)."
        }
    }
}
