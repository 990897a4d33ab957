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
    /// linear programming where it cannot change the answer. A hidden count strictly inside its
    /// starting range (not 1 or `minimumCount - 1` for "fewer than", not `minimumCount` for
    /// "protects") can move a little either way, so the true table can be moved along any direction
    /// the equations leave free among such cells: a cell is then pinned only if the linear check
    /// finds it fixed once the cells at the ends of their ranges are held fixed.
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

        var candidates = Set(hidden.filter { !determined.contains($0) && !ranges[$0].isSingleValue })
        if let trueCounts, trueCounts.count == view.count, !candidates.isEmpty {
            // Hidden cells sitting on an end of their starting range are the only ones whose
            // movement is restricted near the true table. Holding them fixed, any cell the
            // equations still leave free can move a little without leaving its range, so it is
            // not pinned; only the restricted cells and those they fix need linear programming.
            let restricted = hidden.filter { cell in
                let start = FeasibleRangePropagation.startingRange(of: view[cell], minimumCount: rules.minimumCount)
                return trueCounts[cell] == start.lower || trueCounts[cell] == start.upper
            }
            let movable = hidden.filter { !Set(restricted).contains($0) }
            let fixedByRestricted = restricted.isEmpty
                ? []
                : LinearDeterminacy.determinedCells(hidden: movable, relations: validRelations) ?? Set(movable)
            candidates = candidates.intersection(Set(restricted).union(fixedByRestricted))
        }
        let pinned = ExactBoundsCheck.pinnedCells(
            view: view, relations: validRelations, hidden: hidden, ranges: ranges, candidates: candidates)
            ?? candidates

        return DisclosureAudit(findings: hidden.map { cell in
            HiddenCellFinding(
                cell: cell,
                isDeterminedByRelations: determined.contains(cell),
                isPinnedByBounds: pinned.contains(cell),
                feasibleRange: ranges[cell])
        })
    }
}
