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

/// A compact description of a hide pattern for failure messages.
private struct ProtectedTableView: CustomStringConvertible {
    let table: DisclosureTable
    let statuses: [CellStatus]
    let rules: DisclosureRules
    var description: String {
        zip(table.cells, statuses).filter { $0.1.isSuppressed }.map { "\($0.0.coordinates)" }.joined(separator: " ")
    }
}
