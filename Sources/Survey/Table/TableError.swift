/// Why a table could not be built or read, in words a person preparing the data can act on.
public enum TableError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicateColumn(String)
    case columnLengthMismatch(column: String, rows: Int, expected: Int)
    case emptyText
    /// A data line has more or fewer cells than the header (line numbers count from 1).
    case wrongCellCount(line: Int, cells: Int, expected: Int)
    /// A quoted cell is never closed.
    case unterminatedQuote(line: Int)

    public var description: String {
        switch self {
        case .duplicateColumn(let name):
            "Column '\(name)' appears twice; column names must be unique."
        case .columnLengthMismatch(let column, let rows, let expected):
            "Column '\(column)' has \(rows) rows, but the table has \(expected)."
        case .emptyText:
            "The CSV text is empty; it needs at least a header line."
        case .wrongCellCount(let line, let cells, let expected):
            "Line \(line) has \(cells) cells, but the header has \(expected)."
        case .unterminatedQuote(let line):
            "A quoted cell starting on line \(line) is never closed."
        }
    }
}
