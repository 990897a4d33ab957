import Testing
import Survey

@Suite("Disclosure auditor")
struct DisclosureAuditorTests {
    let auditor = DisclosureAuditor()

    @Test func subtractionFromATotalIsDetected() {
        // total = a + b; a hidden, b and total shown.
        let view: [PublishedCount] = [.shown(20), .hidden(.tooFewRespondents), .shown(15)]
        let audit = auditor.audit(view: view, relations: [AdditiveRelation(total: 0, parts: [1, 2])])
        #expect(audit.disclosedCells == [1])
        #expect(audit.finding(for: 1)?.isDeterminedByRelations == true)
        #expect(audit.finding(for: 1)?.feasibleRange == FeasibleRange(lower: 5, upper: 5))
    }

    @Test func twoHiddenCellsInALineAreNotDeterminedLinearly() {
        let view: [PublishedCount] = [.shown(40), .hidden(.tooFewRespondents), .hidden(.protectsHiddenCell), .shown(15)]
        let audit = auditor.audit(view: view, relations: [AdditiveRelation(total: 0, parts: [1, 2, 3])])
        #expect(audit.isSafe)
        #expect(audit.finding(for: 1)?.feasibleRange == FeasibleRange(lower: 1, upper: 9))
        #expect(audit.finding(for: 2)?.feasibleRange == FeasibleRange(lower: 16, upper: 24))
    }

    /// 2x2 interior a b / c d with shown margins: a, b, c hidden, d shown. Row 2 gives c,
    /// then column 1 gives a, then row 1 gives b — a chain no single line reveals.
    @Test func chainsOfRowAndColumnEquationsAreDetected() throws {
        let table = try CountTableBuilder.table(levels: [["r1", "r2"], ["c1", "c2"]], interior: [5, 12, 3, 30])
        var view = table.cells.map { PublishedCount.shown($0.count) }
        for coordinates: [String?] in [["r1", "c1"], ["r2", "c1"]] {
            view[try #require(table.index(of: coordinates))] = .hidden(.tooFewRespondents)
        }
        view[try #require(table.index(of: ["r1", "c2"]))] = .hidden(.protectsHiddenCell)
        let audit = auditor.audit(view: view, relations: table.relations)
        #expect(Set(audit.disclosedCells) == Set([["r1", "c1"], ["r2", "c1"], ["r1", "c2"]].compactMap(table.index(of:))))
        #expect(audit.findings.allSatisfy { $0.isDeterminedByRelations })
    }

    @Test func aRectangleOfHiddenCellsIsSafe() throws {
        let table = try CountTableBuilder.table(levels: [["r1", "r2"], ["c1", "c2"]], interior: [5, 12, 13, 30])
        var view = table.cells.map { PublishedCount.shown($0.count) }
        for coordinates: [String?] in [["r1", "c1"], ["r1", "c2"], ["r2", "c1"], ["r2", "c2"]] {
            let index = try #require(table.index(of: coordinates))
            view[index] = .hidden(table.cells[index].count < 10 ? .tooFewRespondents : .protectsHiddenCell)
        }
        #expect(auditor.audit(view: view, relations: table.relations).isSafe)
    }

    /// Linear algebra cannot pin either cell of 1 + 1 = 2, but hidden cells are never empty.
    @Test func boundsPinTwoOnesUnderATotalOfTwo() {
        let view: [PublishedCount] = [.shown(2), .hidden(.tooFewRespondents), .hidden(.tooFewRespondents), .shown(0)]
        let audit = auditor.audit(view: view, relations: [AdditiveRelation(total: 0, parts: [1, 2, 3])])
        #expect(audit.findings.allSatisfy { !$0.isDeterminedByRelations })
        #expect(audit.disclosedCells == [1, 2])
        #expect(audit.finding(for: 1)?.feasibleRange == FeasibleRange(lower: 1, upper: 1))
    }

    /// The suppression mark is information: "too few" means at most 9, "protects" at least 10,
    /// so a total of 11 leaves exactly 1 + 10.
    @Test func boundsUseWhatTheSuppressionReasonReveals() {
        let view: [PublishedCount] = [.shown(11), .hidden(.tooFewRespondents), .hidden(.protectsHiddenCell)]
        let audit = auditor.audit(view: view, relations: [AdditiveRelation(total: 0, parts: [1, 2])])
        #expect(audit.disclosedCells == [1, 2])
    }

    /// Found by the randomised exhaustive search: no single row or column pins anything, but
    /// rows 1-2 together with column 3 and the grand totals imply a(1,1) + a(2,1) = 4, and with
    /// "fewer than 3" (at most 2) and "protects" (at least 3) marks that leaves only 1 + 3.
    /// Relation-by-relation propagation misses it; linear programming does not.
    @Test func boundsImpliedOnlyByCombinedRelationsAreFound() throws {
        let table = try CountTableBuilder.table(levels: [["r1", "r2", "r3"], ["c1", "c2", "c3"]], interior: [
            1, 4, 3,
            3, 0, 5,
            1, 5, 3,
        ])
        let marks: [[String?]: SuppressionReason] = [
            ["r1", "c1"]: .tooFewRespondents, ["r3", "c1"]: .tooFewRespondents,
            ["r1", "c3"]: .protectsHiddenCell, ["r1", nil]: .protectsHiddenCell,
            ["r2", "c1"]: .protectsHiddenCell, ["r2", "c3"]: .protectsHiddenCell, ["r2", nil]: .protectsHiddenCell,
            ["r3", "c2"]: .protectsHiddenCell, [nil, "c1"]: .protectsHiddenCell, [nil, "c2"]: .protectsHiddenCell,
        ]
        let view = table.cells.map { cell in
            marks[cell.coordinates].map { PublishedCount.hidden($0) } ?? .shown(cell.count)
        }
        let audit = DisclosureAuditor(rules: DisclosureRules(minimumCount: 3)).audit(view: view, relations: table.relations)
        let r1c1 = try #require(table.index(of: ["r1", "c1"]))
        let r2c1 = try #require(table.index(of: ["r2", "c1"]))
        #expect(audit.disclosedCells == [r1c1, r2c1])
        for cell in [r1c1, r2c1] {
            let finding = try #require(audit.finding(for: cell))
            #expect(finding.isPinnedByBounds)
            #expect(!finding.isDeterminedByRelations)
            #expect(!finding.feasibleRange.isSingleValue)
        }
    }

    @Test func nothingHiddenMeansNothingToFind() {
        let audit = auditor.audit(view: [.shown(3), .shown(3)], relations: [AdditiveRelation(total: 0, parts: [1])])
        #expect(audit.findings.isEmpty && audit.isSafe)
    }

    /// The exact integer elimination agrees with an independent floating-point rank test on
    /// random hide patterns, and the bounds always contain the true count.
    @Test(arguments: [1, 2, 3])
    func exactEliminationAgreesWithIndependentRankTest(dimensionCount: Int) throws {
        var random = SplitMix64(seed: 0xA0D1 + UInt64(dimensionCount))
        for _ in 0..<150 {
            let levels = (0..<dimensionCount).map { _ in CountTableBuilder.levels(Int.random(in: 1...(dimensionCount == 3 ? 3 : 4), using: &random)) }
            let interiorCount = levels.reduce(1) { $0 * $1.count }
            let interior = (0..<interiorCount).map { _ in Int.random(in: 1...30, using: &random) }
            let table = try CountTableBuilder.table(levels: levels, interior: interior)
            let statuses: [CellStatus] = table.cells.map { cell in
                guard Int.random(in: 0..<100, using: &random) < 40 else { return .published }
                return .suppressed(cell.count < 10 ? .tooFewRespondents : .protectsHiddenCell)
            }
            let view = zip(table.cells, statuses).map { PublishedCount(count: $0.count, status: $1) }
            let audit = auditor.audit(view: view, relations: table.relations)

            let rules = DisclosureRules()
            let shownTable = ProtectedTableView(table: table, statuses: statuses, rules: rules)
            let intruder = TableIntruder(coordinates: table.cells.map(\.coordinates), view: view, minimumCount: rules.minimumCount)
            let expected = intruder.linearlyRecoverableCells()
            let found = Set(audit.findings.filter(\.isDeterminedByRelations).map(\.cell))
            #expect(found == expected, "levels \(levels) interior \(interior) \(shownTable)")
            for finding in audit.findings {
                let truth = table.cells[finding.cell].count
                #expect(finding.feasibleRange.lower <= truth)
                #expect(finding.feasibleRange.upper.map { truth <= $0 } ?? true)
            }
        }
    }
}

extension DisclosureAuditorTests {
    /// On small random tables with random (truthfully marked) hide patterns, the auditor reports
    /// exactly the cells an exhaustive whole-number search can pin: for one- and two-way tables
    /// nothing missed and nothing invented. For three-way tables it must not invent disclosures.
    @Test(arguments: [1, 2, 3])
    func auditorAgreesWithExhaustiveSearch(dimensionCount: Int) throws {
        var random = SplitMix64(seed: 0xB0B5 + UInt64(dimensionCount))
        let rules = DisclosureRules(minimumCount: 3)
        let auditor = DisclosureAuditor(rules: rules)
        var disclosures = 0
        for _ in 0..<(dimensionCount == 3 ? 40 : 150) {
            let sizes = dimensionCount == 1 ? 1...4 : (dimensionCount == 2 ? 1...3 : 1...2)
            let levels = (0..<dimensionCount).map { _ in CountTableBuilder.levels(Int.random(in: sizes, using: &random)) }
            let interiorCount = levels.reduce(1) { $0 * $1.count }
            let interior = (0..<interiorCount).map { _ in Int.random(in: 0...5, using: &random) }
            let table = try CountTableBuilder.table(levels: levels, interior: interior)
            let view: [PublishedCount] = table.cells.map { cell in
                guard cell.count > 0, Int.random(in: 0..<100, using: &random) < 45 else { return .shown(cell.count) }
                return .hidden(rules.isSensitive(count: cell.count) ? .tooFewRespondents : .protectsHiddenCell)
            }
            let found = Set(auditor.audit(view: view, relations: table.relations).disclosedCells)
            let truth = table.cells.map(\.count)
            let intruder = TableIntruder(coordinates: table.cells.map(\.coordinates), view: view, minimumCount: rules.minimumCount)
            let pinned = intruder.integerRecoverableCells(truth: truth, cap: (truth.max() ?? 0) + 5)
            if dimensionCount < 3 {
                #expect(found == pinned, "levels \(levels) interior \(interior) view \(view)")
            } else {
                #expect(found.isSubset(of: pinned), "levels \(levels) interior \(interior) view \(view)")
            }
            disclosures += pinned.count
        }
        #expect(disclosures > 0, "the patterns should include recoverable cells")
    }
}

/// A compact description of a hide pattern for failure messages.
private struct ProtectedTableView: CustomStringConvertible {
    let table: DisclosureTable
    let statuses: [CellStatus]
    let rules: DisclosureRules
    var description: String {
        zip(table.cells, statuses).filter { $0.1.isSuppressed }.map { "\($0.0.coordinates)" }.joined(separator: " ")
    }
}
