import Testing
import Survey

/// Tables built to tempt a careless suppression into leaving a hidden cell recoverable.
@Suite("Disclosure control on adversarial tables")
struct AdversarialTableTests {
    let rows = ["r1", "r2", "r3"]
    let columns = ["c1", "c2", "c3"]

    @Test func oneDimensionalTableWithOneSmallLevel() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b", "c", "d"]], interior: [4, 25, 12, 40])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 90)
        #expect(protected.status(["a"]) == .suppressed(.tooFewRespondents))
        // The smallest other level is the cheapest partner.
        #expect(protected.status(["c"]) == .suppressed(.protectsHiddenCell))
        #expect(protected.status(["b"]) == .published)
        #expect(protected.status(["d"]) == .published)
        #expect(protected.status([nil]) == .published)
    }

    @Test func oneDimensionalTableWhereOnlyTheTotalCanProtect() throws {
        // The other levels are empty, so the total itself must go... but the total equals the
        // small cell, so it is small too and already hidden.
        let table = try CountTableBuilder.table(levels: [["a", "b", "c"]], interior: [4, 0, 0])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 20)
        #expect(protected.status([nil]) == .suppressed(.tooFewRespondents))
        #expect(protected.status(["b"]) == .published && protected.status(["c"]) == .published)
    }

    @Test func oneDimensionalTableWithTwoLevels() throws {
        // With two levels, hiding one forces the other or the total; the total is larger.
        let table = try CountTableBuilder.table(levels: [["a", "b"]], interior: [3, 50])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 80)
        #expect(protected.status(["b"]) == .suppressed(.protectsHiddenCell))
        #expect(protected.status([nil]) == .published)
    }

    @Test func oneDimensionalTableWithOnlyOneLevelHidesTheTotal() throws {
        let table = try CountTableBuilder.table(levels: [["only"]], interior: [6])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 20)
        #expect(protected.status([nil]) == .suppressed(.tooFewRespondents))
    }

    @Test func singleSmallCellGetsPartnersInItsRowAndColumn() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            3, 20, 30,
            25, 40, 15,
            35, 22, 18,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        #expect(protected.status(["r1", "c1"]) == .suppressed(.tooFewRespondents))
        let rowLine: [[String?]] = columns.map { ["r1", $0] } + [["r1", nil]]
        let columnLine: [[String?]] = rows.map { [$0, "c1"] } + [[nil, "c1"]]
        #expect(ProtectionExpectations.hiddenCount(in: protected, rowLine) >= 2)
        #expect(ProtectionExpectations.hiddenCount(in: protected, columnLine) >= 2)
        #expect(protected.status([nil, nil]) == .published)
    }

    @Test func twoSmallCellsInTheSameRow() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            3, 4, 30,
            25, 40, 15,
            35, 22, 18,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        // Each small cell is alone in its column, so each column needs a partner.
        for column in ["c1", "c2"] {
            let line: [[String?]] = rows.map { [$0, column] } + [[nil, column]]
            #expect(ProtectionExpectations.hiddenCount(in: protected, line) >= 2)
        }
    }

    @Test func smallCellWhoseOnlyPartnersAreMargins() throws {
        // r1 = (3, 0) and c1 = (3, 0): the small cell's row and column margins equal it, and the
        // empty cells cannot help, so protection has to come from the margins' own lines.
        let table = try CountTableBuilder.table(levels: [["r1", "r2"], ["c1", "c2"]], interior: [3, 0, 0, 20])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 60)
        #expect(protected.status(["r1", "c2"]) == .published)
        #expect(protected.status(["r2", "c1"]) == .published)
        #expect(protected.status(["r1", nil]) == .suppressed(.tooFewRespondents))
        #expect(protected.status([nil, "c1"]) == .suppressed(.tooFewRespondents))
    }

    @Test func allCellsButOneAreSmall() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            2, 5, 1,
            7, 50, 3,
            4, 8, 6,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        #expect(protected.suppressedCells.count >= 8)
        #expect(!protected.isWithheld)
    }

    @Test func diagonalOfSmallCells() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            2, 30, 40,
            35, 5, 25,
            45, 20, 7,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        // Each row and column holds exactly one small cell — a single gap in every line — so
        // every line needs a second hidden cell.
        for row in rows {
            let line: [[String?]] = columns.map { [row, $0] } + [[row, nil]]
            #expect(ProtectionExpectations.hiddenCount(in: protected, line) >= 2)
        }
        for column in columns {
            let line: [[String?]] = rows.map { [$0, column] } + [[nil, column]]
            #expect(ProtectionExpectations.hiddenCount(in: protected, line) >= 2)
        }
    }

    /// A staircase of small cells (1,1), (1,2), (2,2), (2,3), (3,3): rows 1 and 2 and columns 2
    /// and 3 already hold two each, but (3,3) is alone in row 3 and (1,1) alone in column 1, and
    /// any partner chosen there must not open a chain of row and column subtractions.
    @Test func staircaseOfSmallCells() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            2, 3, 40,
            35, 5, 6,
            45, 20, 7,
        ])
        ProtectionExpectations.protectAndCheck(table)
    }

    @Test func zeroCellsArePublishedAndNeverProtectOthers() throws {
        let table = try CountTableBuilder.table(levels: [rows, columns], interior: [
            0, 3, 0,
            0, 40, 15,
            0, 22, 18,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        for coordinates: [[String?]] in [[["r1", "c1"], ["r1", "c3"], ["r2", "c1"], ["r3", "c1"], [nil, "c1"]]] {
            for cell in coordinates { #expect(protected.status(cell) == .published) }
        }
        #expect(protected.cell(at: [nil, "c1"])?.count == 0)
    }

    @Test func tableOfNothingButZeros() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b"], ["x", "y"]], interior: [0, 0, 0, 0])
        let protected = ProtectionExpectations.protectAndCheck(table)
        #expect(protected.suppressedCells.isEmpty)
    }

    @Test func smallGrandTotalHidesEverythingNonEmpty() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b"], ["x", "y"]], interior: [2, 0, 3, 1])
        let protected = ProtectionExpectations.protectAndCheck(table, integerSearchCap: 20)
        for cell in protected.cells {
            #expect(cell.status.isSuppressed == (cell.count == nil))
            #expect(cell.count == nil || cell.count == 0)
        }
    }

    /// Two ones under a total of two: linear algebra leaves them free, but hidden cells are never
    /// empty, so 1 + 1 = 2 gives both away. With a large third level, hiding it protects them.
    @Test func twoOnesUnderASmallTotalAreNotLeftPinned() throws {
        let wider = try CountTableBuilder.table(levels: [["a", "b", "c", "d"]], interior: [1, 1, 30, 0])
        ProtectionExpectations.protectAndCheck(wider, rules: DisclosureRules(minimumCount: 3), integerSearchCap: 40)
    }

    /// With nothing else non-empty, the total is small too, and "fewer than 3" marks on a, b and
    /// the total still pin 1 + 1 = 2 next to a published zero: only withholding the table works.
    @Test func tableThatCannotBeProtectedIsWithheld() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b", "c"]], interior: [1, 1, 0])
        let protected = ProtectionExpectations.protectAndCheck(
            table, rules: DisclosureRules(minimumCount: 3), integerSearchCap: 10)
        #expect(protected.isWithheld)
        #expect(protected.cells.allSatisfy { $0.notes.map(\.text) == ["Not shown: too few respondents to publish any part of this table safely"] })
    }

    /// With a minimum of 2, "fewer than 2 respondents" means exactly 1: nothing can protect that.
    @Test func minimumOfTwoWithholdsTablesWithSmallCells() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b", "c"]], interior: [1, 30, 40])
        let protected = ProtectionExpectations.protectAndCheck(
            table, rules: DisclosureRules(minimumCount: 2), integerSearchCap: 80)
        #expect(protected.isWithheld)
    }

    /// "Too few" means at most 9 and "protects" means at least 10: 1 + 10 = 11 would be pinned.
    @Test func suppressionReasonsDoNotPinCells() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b"]], interior: [1, 10])
        ProtectionExpectations.protectAndCheck(table, integerSearchCap: 30)
        let twoWay = try CountTableBuilder.table(levels: [["r1", "r2"], ["c1", "c2"]], interior: [9, 10, 10, 11])
        ProtectionExpectations.protectAndCheck(twoWay, integerSearchCap: 60)
    }

    @Test func threeDimensionalTableWithOneSmallCell() throws {
        let levels = [["a", "b"], ["x", "y"], ["p", "q", "r"]]
        let table = try CountTableBuilder.table(levels: levels, interior: [
            4, 20, 31, 17, 25, 40,
            33, 28, 19, 45, 12, 26,
        ])
        let protected = ProtectionExpectations.protectAndCheck(table)
        #expect(protected.status(["a", "x", "p"]) == .suppressed(.tooFewRespondents))
        #expect(protected.status([nil, nil, nil]) == .published)
    }

    @Test func largerThresholdAndTwoWayMarginsAreSmall() throws {
        let table = try CountTableBuilder.table(levels: [["r1", "r2", "r3", "r4"], ["c1", "c2"]], interior: [
            6, 7, 30, 2, 1, 1, 40, 45,
        ])
        ProtectionExpectations.protectAndCheck(table, rules: DisclosureRules(minimumCount: 20))
    }
}
