/// Why a set of cells does not form a table that disclosure control can reason about.
public enum DisclosureTableError: Error, Sendable, Hashable {
    /// A dimension has no levels, or lists a level twice.
    case invalidLevels(dimension: String)
    /// A cell's coordinates do not have one entry per dimension.
    case wrongNumberOfCoordinates(coordinates: [String?], expected: Int)
    /// A coordinate names a level its dimension does not have.
    case unknownLevel(coordinates: [String?], dimension: String, level: String)
    /// Two cells have the same coordinates.
    case duplicateCell(coordinates: [String?])
    /// A count is negative.
    case negativeCount(coordinates: [String?], count: Int)
    /// A margin's count differs from the sum of the counts of the cells it totals.
    case countsNotAdditive(coordinates: [String?], supplied: Int, sumOfCells: Int)
    /// The full table (every combination of levels and totals) would have more cells than `limit`.
    case tooManyCells(limit: Int)
}
