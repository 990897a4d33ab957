import Survey

/// An attacker written independently of the production auditor: it rebuilds the table's
/// relations from the coordinates alone and attacks the published view in two ways.
///
/// - `linearlyRecoverableCells`: floating-point Gaussian elimination; a hidden cell is recoverable
///   when adding its unit vector to the equations does not raise their rank.
/// - `integerRecoverableCells`: exhaustive search over whole-number tables consistent with
///   everything shown (shown counts, relations, non-negativity, and what the suppression marks
///   reveal: "too few" means 1...minimum-1, "protects" means at least minimum, "withheld" means
///   nothing beyond non-negativity). A hidden cell is
///   recoverable when no consistent table gives it a different value. Only for small tables.
struct TableIntruder {
    let coordinates: [[String?]]
    let view: [PublishedCount]
    let minimumCount: Int

    init(coordinates: [[String?]], view: [PublishedCount], minimumCount: Int) {
        self.coordinates = coordinates
        self.view = view
        self.minimumCount = minimumCount
    }

    init(table: ProtectedTable) {
        coordinates = table.cells.map(\.coordinates)
        view = table.cells.map(\.publishedCount)
        minimumCount = table.rules.minimumCount
    }

    /// total index -> part indices, found by matching coordinates.
    var relations: [(total: Int, parts: [Int])] {
        var position = [[String?]: Int]()
        for (index, cell) in coordinates.enumerated() { position[cell] = index }
        let dimensionCount = coordinates.first?.count ?? 0
        var levels = [[String]](repeating: [], count: dimensionCount)
        for cell in coordinates {
            for (dimension, value) in cell.enumerated() {
                if let value, !levels[dimension].contains(value) { levels[dimension].append(value) }
            }
        }
        var result = [(total: Int, parts: [Int])]()
        for (index, cell) in coordinates.enumerated() {
            for dimension in 0..<dimensionCount where cell[dimension] == nil {
                let parts = levels[dimension].compactMap { level -> Int? in
                    var part = cell
                    part[dimension] = level
                    return position[part]
                }
                result.append((index, parts))
            }
        }
        return result
    }

    var hiddenCells: [Int] {
        view.indices.filter { view[$0].shownValue == nil }
    }

    // MARK: Linear attack with Doubles

    func linearlyRecoverableCells() -> Set<Int> {
        let hidden = hiddenCells
        var column = [Int: Int]()
        for (position, cell) in hidden.enumerated() { column[cell] = position }
        var equations = [[Double]]()
        for relation in relations {
            var row = [Double](repeating: 0, count: hidden.count)
            if let total = column[relation.total] { row[total] += 1 }
            for part in relation.parts { if let position = column[part] { row[position] -= 1 } }
            if row.contains(where: { $0 != 0 }) { equations.append(row) }
        }
        let baseRank = Self.rank(equations)
        var recoverable = Set<Int>()
        for (position, cell) in hidden.enumerated() {
            var unit = [Double](repeating: 0, count: hidden.count)
            unit[position] = 1
            if Self.rank(equations + [unit]) == baseRank { recoverable.insert(cell) }
        }
        return recoverable
    }

    static func rank(_ matrix: [[Double]]) -> Int {
        var rows = matrix
        guard let width = rows.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < rows.count {
            var best = rank
            for row in rank..<rows.count where abs(rows[row][column]) > abs(rows[best][column]) { best = row }
            if abs(rows[best][column]) < 1e-9 { continue }
            rows.swapAt(best, rank)
            for row in 0..<rows.count where row != rank {
                let factor = rows[row][column] / rows[rank][column]
                if factor != 0 {
                    for k in 0..<width { rows[row][k] -= factor * rows[rank][k] }
                }
            }
            rank += 1
        }
        return rank
    }

    // MARK: Integer attack by exhaustive search

    /// Hidden cells whose true value (`truth[cell]`) is the only one any consistent table allows.
    /// Values are searched up to `cap`, which must exceed every true count.
    func integerRecoverableCells(truth: [Int], cap: Int) -> Set<Int> {
        let hidden = hiddenCells
        var recoverable = Set<Int>()
        for cell in hidden where !hasAlternative(for: cell, truth: truth, cap: cap) {
            recoverable.insert(cell)
        }
        return recoverable
    }

    private func domain(of cell: Int, cap: Int) -> ClosedRange<Int> {
        switch view[cell] {
        case .shown(let value): return value...value
        case .hidden(.tooFewRespondents): return 1...max(1, minimumCount - 1)
        case .hidden(.protectsHiddenCell): return max(1, minimumCount)...max(max(1, minimumCount), cap)
        case .hidden(.tableWithheld): return 0...cap
        }
    }

    /// Is there a consistent table in which `target` differs from its true value?
    private func hasAlternative(for target: Int, truth: [Int], cap: Int) -> Bool {
        let hidden = hiddenCells
        // Search the target first, then the rest; the target may not take its true value.
        let order = [target] + hidden.filter { $0 != target }
        var low = view.indices.map { domain(of: $0, cap: cap).lowerBound }
        var high = view.indices.map { domain(of: $0, cap: cap).upperBound }
        let relations = self.relations
        var nodes = 0

        func consistent(_ low: [Int], _ high: [Int]) -> Bool {
            for relation in relations {
                let partsLow = relation.parts.reduce(0) { $0 + low[$1] }
                let partsHigh = relation.parts.reduce(0) { $0 + high[$1] }
                if partsLow > high[relation.total] || partsHigh < low[relation.total] { return false }
            }
            return true
        }

        func search(_ depth: Int, _ low: inout [Int], _ high: inout [Int]) -> Bool {
            nodes += 1
            if nodes > 2_000_000 { return true } // give up: count as protected, flagged below
            guard consistent(low, high) else { return false }
            if depth == order.count { return true }
            let cell = order[depth]
            let (savedLow, savedHigh) = (low[cell], high[cell])
            for value in savedLow...savedHigh where !(cell == target && value == truth[target]) {
                low[cell] = value
                high[cell] = value
                if search(depth + 1, &low, &high) { return true }
            }
            low[cell] = savedLow
            high[cell] = savedHigh
            return false
        }
        let found = search(0, &low, &high)
        precondition(nodes <= 2_000_000, "search too large for this test table")
        return found
    }
}
