/// Decides which cells of a table may be published: primary suppression of small cells, secondary
/// suppression so that no hidden cell can be worked out from what is shown, and reliability flags.
///
/// The steps:
/// 1. **Primary.** Hide every cell with `0 < n < minimumCount` (margins included).
/// 2. **Partners.** Quick pass of the classic hypercube rule: every relation (a row, column or
///    other line of the table, together with its total) that contains exactly one hidden cell gets a
///    second one — its smallest non-empty shown cell, which may be the total itself. A line with a
///    single gap is the simplest way to recover a cell, and this closes all of them at once.
/// 3. **Audit and repair.** The exact `DisclosureAuditor` finds cells still recoverable through
///    chains of relations or through bounds. For the first one, hide the cheapest shown cell that
///    makes it unrecoverable (trying cells that share a relation with it first, smallest n first);
///    repeat. Each round hides one more cell, so this ends. Once everything non-empty is hidden,
///    no cell is linearly determined (all equations are then homogeneous and the true counts are
///    positive), but the bounds attack can remain: with 1 + 1 = 2 under a hidden total, the
///    "fewer than" marks and the published zeros pin every cell. Then the whole table is
///    withheld (`SuppressionReason.tableWithheld`): every cell hidden, zeros included, so a reader
///    learns nothing about its counts.
/// 4. **Release.** Secondary suppressions that turn out unnecessary are published again, largest
///    first, as long as the audit stays safe — fewer hidden numbers for the same protection.
///
/// Secondary cells are chosen by smallest n (interior cells before margins on ties), a simple
/// proxy for information loss; the result protects but is not guaranteed to be minimal.
///
/// Cost: every repair and release step is a full audit. Two-way tables are quick (20 x 20 in
/// about 0.05 s in a release build); three-way tables are slower because of linear programming
/// over exact fractions (5 x 5 x 5 about 1 s, 6 x 6 x 6 about 5 s in a release build).
public struct DisclosureControl: Sendable {
    public var rules: DisclosureRules

    /// How many candidate cells are tried (audited) per repair before falling back to the cheapest.
    static let candidatesTriedPerRepair = 12

    public init(rules: DisclosureRules = DisclosureRules()) {
        self.rules = rules
    }

    /// - Parameter hidden: cells that stay hidden whatever this table needs, because a linked
    ///   table that shares them (a margin of a cross-tabulation is also a row of a one-way table)
    ///   hides them. They count as hidden from the start, so this table can use them as partners
    ///   instead of hiding more, and they are never released.
    public func protect(_ table: DisclosureTable, keepingHidden hidden: Set<[String?]> = []) -> ProtectedTable {
        let counts = table.cells.map(\.count)
        let auditor = DisclosureAuditor(rules: rules)
        let pinned = Set(table.cells.indices.filter { hidden.contains(table.cells[$0].coordinates) && counts[$0] > 0 })
        var statuses: [CellStatus] = counts.indices.map { index in
            if rules.isSensitive(count: counts[index]) { return .suppressed(.tooFewRespondents) }
            return pinned.contains(index) ? .suppressed(.protectsHiddenCell) : .published
        }
        // Cheaper cells first: smaller n, then fewer totals in the coordinates, then table order.
        let cost: [(Int, Int, Int)] = table.cells.enumerated().map { index, cell in
            (cell.count, cell.coordinates.filter { $0 == nil }.count, index)
        }
        func cheaper(_ a: Int, _ b: Int) -> Bool { cost[a] < cost[b] }
        func canHide(_ cell: Int, _ statuses: [CellStatus]) -> Bool {
            !statuses[cell].isSuppressed && counts[cell] > 0
        }
        func audit(_ statuses: [CellStatus]) -> DisclosureAudit {
            auditor.audit(
                view: zip(counts, statuses).map { PublishedCount(count: $0, status: $1) },
                relations: table.relations,
                trueCounts: counts)
        }

        // Step 2: no relation with a single hidden cell.
        var addedPartner = true
        while addedPartner {
            addedPartner = false
            for relation in table.relations {
                let members = relation.cells
                guard members.filter({ statuses[$0].isSuppressed }).count == 1,
                      let partner = members.filter({ canHide($0, statuses) }).min(by: cheaper)
                else { continue }
                statuses[partner] = .suppressed(.protectsHiddenCell)
                addedPartner = true
            }
        }

        // Step 3: repair what the exact audit still finds.
        var current = audit(statuses)
        repair: while let target = current.disclosedCells.min(by: { primaryFirst($0, $1, statuses) }) {
            let neighbours = Set(table.relationsByCell[target].flatMap { table.relations[$0].cells })
            var candidates = neighbours.filter { canHide($0, statuses) }.sorted(by: cheaper)
            if candidates.isEmpty {
                candidates = counts.indices.filter { canHide($0, statuses) }.sorted(by: cheaper)
            }
            guard let cheapest = candidates.first else { break repair }
            var chosen = cheapest
            var chosenAudit: DisclosureAudit?
            for candidate in candidates.prefix(Self.candidatesTriedPerRepair) {
                var trial = statuses
                trial[candidate] = .suppressed(.protectsHiddenCell)
                let trialAudit = audit(trial)
                if trialAudit.finding(for: target)?.isDisclosed == false {
                    chosen = candidate
                    chosenAudit = trialAudit
                    break
                }
            }
            statuses[chosen] = .suppressed(.protectsHiddenCell)
            current = chosenAudit ?? audit(statuses)
        }

        // Last resort: nothing left to hide among non-empty cells and still recoverable (only the
        // bounds attack can do this). Withhold the whole table, empty cells included.
        if !current.isSafe {
            statuses = counts.map { _ in .suppressed(.tableWithheld) }
            current = audit(statuses)
        }

        // Step 4: release secondary suppressions that are not needed, largest first.
        if current.isSafe {
            let secondary = counts.indices
                .filter { statuses[$0] == .suppressed(.protectsHiddenCell) && !pinned.contains($0) }
                .sorted { cheaper($1, $0) }
            for cell in secondary {
                var trial = statuses
                trial[cell] = .published
                let trialAudit = audit(trial)
                if trialAudit.isSafe {
                    statuses = trial
                    current = trialAudit
                }
            }
        }

        return ProtectedTable(rules: rules, table: table, statuses: statuses, audit: current)
    }

    /// Repair primary suppressions before secondary ones, then in table order.
    private func primaryFirst(_ a: Int, _ b: Int, _ statuses: [CellStatus]) -> Bool {
        let aPrimary = statuses[a] == .suppressed(.tooFewRespondents)
        let bPrimary = statuses[b] == .suppressed(.tooFewRespondents)
        if aPrimary != bPrimary { return aPrimary }
        return a < b
    }
}
