/// Checks whether any hidden cell of a published table can be recovered by a reader, working only
/// from what the reader sees: the shown counts, the suppression marks, and the additive relations.
///
/// Two attacks are checked:
/// - **Linear (exact).** Every relation `total = sum(parts)` is an equation; a hidden cell is
///   disclosed if every solution of the equations gives it the same value, however many
///   equations are chained (row, then column, then row...). Decided by exact integer elimination
///   (`LinearDeterminacy`), with no floating-point tolerance. Because weighted totals obey the same
///   relations as counts, a pattern that passes this check also protects additive estimates.
/// - **Bounds (sound, not complete).** Counts are non-negative, hidden ones are at least 1, and the
///   suppression reason tells whether a hidden count is below or at least the threshold. A cell
///   whose range from propagating these bounds through the relations shrinks to one value is
///   disclosed (`FeasibleRangePropagation`). Ranges narrower than one value are not judged: a
///   hidden cell known to be "between 1 and 4" is not reported.
///
/// What is not checked: bounds that only linear programming over several relations at once would
/// find, integrality (counts being whole numbers) beyond the bounds above, and relations the table
/// does not state (e.g. the same respondents appearing in another published table).
///
/// When every hidden count is strictly inside its starting bounds (as it is for all cells hidden
/// under these rules except those sitting exactly at 1, `minimumCount - 1` or `minimumCount`),
/// the linear check alone is exact even with non-negativity: the true table can be moved a little
/// along any direction the equations leave free.
public struct DisclosureAuditor: Sendable {
    public var rules: DisclosureRules

    public init(rules: DisclosureRules = DisclosureRules()) {
        self.rules = rules
    }

    /// Audits a table given as the reader sees it: one `PublishedCount` per cell, and the
    /// relations between cells (indices into `view`).
    public func audit(view: [PublishedCount], relations: [AdditiveRelation]) -> DisclosureAudit {
        let hidden = view.indices.filter { view[$0].shownValue == nil }
        guard !hidden.isEmpty else { return DisclosureAudit(findings: []) }
        let validRelations = relations.filter { relation in
            relation.cells.allSatisfy { view.indices.contains($0) }
        }
        // Overflow in the elimination leaves the linear question open; treating every hidden cell
        // as determined is the safe answer (the protector then hides more).
        let determined = LinearDeterminacy.determinedCells(hidden: hidden, relations: validRelations)
            ?? Set(hidden)
        let ranges = FeasibleRangePropagation.ranges(
            view: view, relations: validRelations, minimumCount: rules.minimumCount)
        return DisclosureAudit(findings: hidden.map { cell in
            HiddenCellFinding(
                cell: cell,
                isDeterminedByRelations: determined.contains(cell),
                feasibleRange: ranges[cell])
        })
    }

    /// Audits a protected table from its published view.
    public func audit(_ table: ProtectedTable) -> DisclosureAudit {
        audit(view: table.cells.map(\.publishedCount), relations: table.relations)
    }
}
