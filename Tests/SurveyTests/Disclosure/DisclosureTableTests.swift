import Testing
import Survey

@Suite("Disclosure tables: margins and relations")
struct DisclosureTableTests {
    @Test func marginsAreFilledInFromTheInterior() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b"], ["x", "y", "z"]], interior: [1, 2, 3, 4, 5, 6])
        #expect(table.cells.count == 3 * 4)
        #expect(table.cell(at: ["a", nil])?.count == 6)
        #expect(table.cell(at: ["b", nil])?.count == 15)
        #expect(table.cell(at: [nil, "y"])?.count == 7)
        #expect(table.cell(at: [nil, nil])?.count == 21)
        // Two row relations, three column relations, and the grand total over each dimension.
        #expect(table.relations.count == 2 + 3 + 2)
        for relation in table.relations {
            #expect(table.cells[relation.total].count == relation.parts.reduce(0) { $0 + table.cells[$1].count })
        }
    }

    @Test func missingInteriorCellsAreEmpty() throws {
        let table = try DisclosureTable(
            dimensions: [TableDimension(name: "sex", levels: ["f", "m"])],
            cells: [DisclosureCell(coordinates: ["f"], count: 12)])
        #expect(table.cell(at: ["m"])?.count == 0)
        #expect(table.cell(at: [nil])?.count == 12)
    }

    @Test func threeDimensionsHaveEveryMargin() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b"], ["x", "y"], ["p", "q"]], interior: Array(1...8))
        #expect(table.cells.count == 27)
        #expect(table.cell(at: [nil, nil, nil])?.count == 36)
        #expect(table.cell(at: ["a", nil, "q"])?.count == 2 + 4)
        // Each cell with k totals appears as the total of k relations: 3*9*... = 27 relations.
        #expect(table.relations.count == 27)
    }

    @Test func zeroDimensionalTableIsJustATotal() throws {
        let table = try DisclosureTable(dimensions: [], cells: [DisclosureCell(coordinates: [], count: 7)])
        let protected = DisclosureControl().protect(table)
        #expect(protected.cells.count == 1)
        #expect(protected.cells[0].status == .suppressed(.tooFewRespondents))
        #expect(protected.audit.isSafe)
    }

    @Test("a cell a linked table hides stays hidden, with a partner, and is never released")
    func keepingHiddenCells() throws {
        let table = try CountTableBuilder.table(levels: [["a", "b", "c"]], interior: [20, 30, 40])
        #expect(DisclosureControl().protect(table).cells.allSatisfy { $0.status == .published })
        let protected = DisclosureControl().protect(table, keepingHidden: [["a"]])
        #expect(protected.cell(at: ["a"])?.status == .suppressed(.protectsHiddenCell))
        #expect(protected.cell(at: ["b"])?.status == .suppressed(.protectsHiddenCell), "a alone would be 90 - 30 - 40")
        #expect(protected.cell(at: ["c"])?.status == .published)
        #expect(protected.cell(at: [nil])?.status == .published)
        #expect(protected.audit.isSafe)
    }

    @Test func inconsistentCountsAreRejected() {
        #expect(throws: DisclosureTableError.countsNotAdditive(coordinates: [nil], supplied: 10, sumOfCells: 9)) {
            try DisclosureTable(
                dimensions: [TableDimension(name: "sex", levels: ["f", "m"])],
                cells: [
                    DisclosureCell(coordinates: ["f"], count: 4),
                    DisclosureCell(coordinates: ["m"], count: 5),
                    DisclosureCell(coordinates: [nil], count: 10),
                ])
        }
    }

    @Test func malformedCellsAreRejected() {
        let sex = TableDimension(name: "sex", levels: ["f", "m"])
        #expect(throws: DisclosureTableError.wrongNumberOfCoordinates(coordinates: ["f", nil], expected: 1)) {
            try DisclosureTable(dimensions: [sex], cells: [DisclosureCell(coordinates: ["f", nil], count: 1)])
        }
        #expect(throws: DisclosureTableError.unknownLevel(coordinates: ["x"], dimension: "sex", level: "x")) {
            try DisclosureTable(dimensions: [sex], cells: [DisclosureCell(coordinates: ["x"], count: 1)])
        }
        #expect(throws: DisclosureTableError.duplicateCell(coordinates: ["f"])) {
            try DisclosureTable(dimensions: [sex], cells: [
                DisclosureCell(coordinates: ["f"], count: 1), DisclosureCell(coordinates: ["f"], count: 1),
            ])
        }
        #expect(throws: DisclosureTableError.negativeCount(coordinates: ["m"], count: -1)) {
            try DisclosureTable(dimensions: [sex], cells: [DisclosureCell(coordinates: ["m"], count: -1)])
        }
        #expect(throws: DisclosureTableError.invalidLevels(dimension: "empty")) {
            try DisclosureTable(dimensions: [TableDimension(name: "empty", levels: [])], cells: [])
        }
        #expect(throws: DisclosureTableError.invalidLevels(dimension: "twice")) {
            try DisclosureTable(dimensions: [TableDimension(name: "twice", levels: ["a", "a"])], cells: [])
        }
    }

    @Test func hugeTablesAreRefused() {
        let big = TableDimension(name: "big", levels: (0..<200).map { "l\($0)" })
        #expect(throws: DisclosureTableError.tooManyCells(limit: DisclosureTable.maximumCellCount)) {
            try DisclosureTable(dimensions: [big, big], cells: [])
        }
    }
}
