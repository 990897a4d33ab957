/// What the auditor concluded about one hidden cell.
public struct HiddenCellFinding: Sendable, Hashable, Codable {
    /// Index of the cell in the table's cell list.
    public var cell: Int
    /// The published counts and the additive relations fix this cell's value exactly
    /// (it is a linear combination of published numbers).
    public var isDeterminedByRelations: Bool
    /// The range the interval attack leaves for this cell's count.
    public var feasibleRange: FeasibleRange

    public init(cell: Int, isDeterminedByRelations: Bool, feasibleRange: FeasibleRange) {
        self.cell = cell
        self.isDeterminedByRelations = isDeterminedByRelations
        self.feasibleRange = feasibleRange
    }

    /// The cell's count can be recovered by a reader, so hiding it protects nothing.
    public var isDisclosed: Bool {
        isDeterminedByRelations || feasibleRange.isSingleValue
    }
}
