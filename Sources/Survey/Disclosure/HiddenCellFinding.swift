/// What the auditor concluded about one hidden cell.
public struct HiddenCellFinding: Sendable, Hashable, Codable {
    /// Index of the cell in the table's cell list.
    public var cell: Int
    /// The published counts and the additive relations fix this cell's value exactly
    /// (it is a linear combination of published numbers).
    public var isDeterminedByRelations: Bool
    /// Combining the relations with non-negativity and what the suppression marks reveal, the
    /// cell's smallest and largest possible values coincide (decided exactly by linear programming).
    public var isPinnedByBounds: Bool
    /// Bounds on the cell's count from propagating one relation at a time: always contains the
    /// true count, but may be wider than what linear programming could establish.
    public var feasibleRange: FeasibleRange

    public init(cell: Int, isDeterminedByRelations: Bool, isPinnedByBounds: Bool, feasibleRange: FeasibleRange) {
        self.cell = cell
        self.isDeterminedByRelations = isDeterminedByRelations
        self.isPinnedByBounds = isPinnedByBounds
        self.feasibleRange = feasibleRange
    }

    /// The cell's count can be recovered by a reader, so hiding it protects nothing.
    public var isDisclosed: Bool {
        isDeterminedByRelations || isPinnedByBounds || feasibleRange.isSingleValue
    }
}
