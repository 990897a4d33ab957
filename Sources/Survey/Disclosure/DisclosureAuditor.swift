/// Checks whether any hidden cell of a published table can be recovered by a reader, working only
/// from what the reader sees: the shown counts, the suppression marks, and the additive relations.
///
/// Three checks, each exact or sound:
/// - **Linear (exact).** Every relation `total = sum(parts)` is an equation; a hidden cell is
///   disclosed if every solution of the equations gives it the same value, however many
///   equations are chained (row, then column, then row...). Decided by exact integer elimination
///   (`LinearDeterminacy`), with no floating-point tolerance. Because weighted totals obey the same
///   relations as counts, a pattern that passes this check also protects additive estimates.
/// - **Bounds, one relation at a time (sound).** Counts are non-negative, hidden ones are at least 1
///   (empty cells are never hidden), and the suppression mark tells whether a hidden count is below
///   the threshold or at least the threshold. Propagating these through the relations gives each
///   hidden cell a range that always contains its count (`FeasibleRangePropagation`).
/// - **Bounds, all relations at once (exact over the reals).** Linear programming finds whether a
///   hidden cell's minimum and maximum coincide (`ExactBoundsCheck`) — e.g. a hidden "fewer than
///   10" cell and a hidden "protects" cell adding up to 11 must be 1 and 10, even when that sum is
///   only implied by several rows and columns together. For one- and two-way tables this is exact
///   for whole-number counts too.
///
/// Not checked: narrowing that stops short of a single value (a hidden cell known to be "between
/// 1 and 4" is not reported), integrality beyond the above in tables of three or more dimensions,
/// and relations the table does not state (e.g. the same respondents in another published table).
public struct DisclosureAuditor: Sendable {
    public var rules: DisclosureRules

    public init(rules: DisclosureRules = DisclosureRules()) {
        self.rules = rules
    }

    /// Audits a table given as the reader sees it: one `PublishedCount` per cell, and the
    /// relations between cells (indices into `view`).
    public func audit(view: [PublishedCount], relations: [AdditiveRelation]) -> DisclosureAudit {
        audit(view: view, relations: relations, trueCounts: nil)
    }

    /// Audits a protected table from its published view.
    public func audit(_ table: ProtectedTable) -> DisclosureAudit {
        audit(view: table.cells.map(\.publishedCount), relations: table.relations)
    }

    /// As `audit(view:relations:)`; the protector, which knows the true counts, passes them to skip
    /// linear programming when it cannot change the answer. If every hidden count lies strictly
    /// inside its starting range (not 1, not `minimumCount - 1` for "fewer than", not
    /// `minimumCount` for "protects"), the true table can be moved a little along any direction the
    /// equations leave free, so a cell is pinned only if the linear check already finds it.
    func audit(view: [PublishedCount], relations: [AdditiveRelation], trueCounts: [Int]?) -> DisclosureAudit {
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

        let undecided = Set(hidden.filter { !determined.contains($0) && !ranges[$0].isSingleValue })
        var needsLinearProgramming = !undecided.isEmpty
        if let trueCounts, trueCounts.count == view.count {
            needsLinearProgramming = needsLinearProgramming && hidden.contains { cell in
                let start = FeasibleRangePropagation.startingRange(of: view[cell], minimumCount: rules.minimumCount)
                return trueCounts[cell] == start.lower || trueCounts[cell] == start.upper
            }
        }
        let pinned: Set<Int>
        if needsLinearProgramming {
            pinned = ExactBoundsCheck.pinnedCells(
                view: view, relations: validRelations, hidden: hidden, ranges: ranges, candidates: undecided)
                ?? undecided
        } else {
            pinned = []
        }

        return DisclosureAudit(findings: hidden.map { cell in
            HiddenCellFinding(
                cell: cell,
                isDeterminedByRelations: determined.contains(cell),
                isPinnedByBounds: pinned.contains(cell),
                feasibleRange: ranges[cell])
        })
    }
}
