import Testing
import Survey

/// Property tests: random count tables full of small and empty cells, protected, then attacked
/// by the independent `TableIntruder`. Seeds are fixed so failures reproduce.
@Suite("Disclosure control on random tables")
struct RandomTableProtectionTests {
    /// A random count: empty, small (below `minimum`) or large, in roughly equal shares.
    static func count(minimum: Int, largest: Int, using random: inout SplitMix64) -> Int {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return 0
        case 1: return Int.random(in: 1...max(1, minimum - 1), using: &random)
        default: return Int.random(in: minimum...max(minimum, largest), using: &random)
        }
    }

    static func randomTable(
        sizes: ClosedRange<Int>, dimensionCount: Int, minimum: Int, largest: Int, using random: inout SplitMix64
    ) throws -> DisclosureTable {
        let levels = (0..<dimensionCount).map { _ in CountTableBuilder.levels(Int.random(in: sizes, using: &random)) }
        let interiorCount = levels.reduce(1) { $0 * $1.count }
        let interior = (0..<interiorCount).map { _ in count(minimum: minimum, largest: largest, using: &random) }
        return try CountTableBuilder.table(levels: levels, interior: interior)
    }

    /// Default rules, tables up to 6 levels (1-D), 5 x 5 (2-D), 3 x 3 x 3 (3-D): the linear attack.
    @Test(arguments: [(1, 1...6, 300), (2, 1...5, 300), (3, 1...3, 80)])
    func noHiddenCellIsRecoverableBySubtraction(dimensionCount: Int, sizes: ClosedRange<Int>, tables: Int) throws {
        var random = SplitMix64(seed: 0xD15C_105E + UInt64(dimensionCount))
        let rules = DisclosureRules()
        var hiddenTotal = 0
        for _ in 0..<tables {
            let table = try Self.randomTable(
                sizes: sizes, dimensionCount: dimensionCount, minimum: rules.minimumCount, largest: 40, using: &random)
            let protected = ProtectionExpectations.protectAndCheck(table, rules: rules)
            hiddenTotal += protected.suppressedCells.count
        }
        #expect(hiddenTotal > tables, "the tables should exercise suppression")
    }

    /// Small thresholds and small counts, so an exhaustive search over whole-number tables —
    /// non-negativity and the suppression marks included — is feasible.
    @Test(arguments: [(1, 1...4, 200), (2, 1...3, 200), (3, 1...2, 40)])
    func noHiddenCellIsRecoverableByExhaustiveSearch(dimensionCount: Int, sizes: ClosedRange<Int>, tables: Int) throws {
        var random = SplitMix64(seed: 0x5EA2C4 + UInt64(dimensionCount))
        let rules = DisclosureRules(minimumCount: 3)
        var withheld = 0
        for _ in 0..<tables {
            let table = try Self.randomTable(
                sizes: sizes, dimensionCount: dimensionCount, minimum: rules.minimumCount, largest: 5, using: &random)
            let grandTotal = table.cells.map(\.count).max() ?? 0
            let protected = ProtectionExpectations.protectAndCheck(
                table, rules: rules, integerSearchCap: grandTotal + rules.minimumCount + 2)
            if protected.isWithheld { withheld += 1 }
        }
        // Withholding is the last resort; it must stay rare even for these tiny tables.
        #expect(withheld * 5 < tables, "\(withheld) of \(tables) tables withheld")
    }
}
