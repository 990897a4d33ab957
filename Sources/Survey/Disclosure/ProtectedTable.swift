/// A table after disclosure control: every cell with its status, published numbers and notes,
/// plus the audit showing that no hidden cell can be recovered from what is shown.
public struct ProtectedTable: Sendable, Hashable {
    public let rules: DisclosureRules
    public let dimensions: [TableDimension]
    /// Cells in the same order as the `DisclosureTable` they came from.
    public let cells: [ProtectedCell]
    /// The additive relations between cells (indices into `cells`) a reader can use.
    public let relations: [AdditiveRelation]
    /// The final audit of the published view, showing no hidden cell can be recovered.
    public let audit: DisclosureAudit
    private let indexByCoordinates: [[String?]: Int]

    init(rules: DisclosureRules, table: DisclosureTable, statuses: [CellStatus], audit: DisclosureAudit) {
        self.rules = rules
        dimensions = table.dimensions
        cells = zip(table.cells, statuses).map { ProtectedCell(cell: $0, status: $1, rules: rules) }
        relations = table.relations
        self.audit = audit
        var indexByCoordinates = [[String?]: Int]()
        for (index, cell) in cells.enumerated() { indexByCoordinates[cell.coordinates] = index }
        self.indexByCoordinates = indexByCoordinates
    }

    public func index(of coordinates: [String?]) -> Int? {
        indexByCoordinates[coordinates]
    }

    public func cell(at coordinates: [String?]) -> ProtectedCell? {
        index(of: coordinates).map { cells[$0] }
    }

    /// True when no pattern of hidden cells could protect the table and every cell is withheld.
    public var isWithheld: Bool {
        !cells.isEmpty && cells.allSatisfy { $0.status == .suppressed(.tableWithheld) }
    }

    /// Cells hidden for any reason.
    public var suppressedCells: [ProtectedCell] {
        cells.filter { $0.status.isSuppressed }
    }
}
