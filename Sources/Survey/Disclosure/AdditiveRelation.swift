/// One linear fact a reader knows about a table: the count of cell `total` equals the sum of the
/// counts of cells `parts` (cells are indices into a table's cell list).
///
/// These relations are what an intruder subtracts along to recover a hidden cell, so they are
/// exactly what the disclosure auditor reasons over. A hypercube table derives them itself;
/// other table shapes (hierarchies, linked tables) can supply their own.
public struct AdditiveRelation: Sendable, Hashable, Codable {
    public var total: Int
    public var parts: [Int]

    public init(total: Int, parts: [Int]) {
        self.total = total
        self.parts = parts
    }

    /// Every cell the relation mentions: the total first, then the parts.
    public var cells: [Int] { [total] + parts }
}
