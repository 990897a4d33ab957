/// Raking (iterative proportional fitting): weights adjusted in turn to several sets of
/// population counts (margins) until all match at once. Used when the joint population
/// distribution is unknown but each margin is (e.g. counts by school type, and by region).
extension SurveyDesign {
    /// A copy of the design raked to `margins`, with R's `rake` semantics: each sweep
    /// post-stratifies to every margin in turn; it stops when no cell of the cross-classification
    /// of all margin columns changes its weighted count by `tolerance` or more (a tolerance below
    /// 1 is a fraction of the total weight), or after `maxIterations` sweeps. The variance uses the
    /// adjustments of the last sweep, iterated ten times as R's `svyrecvar` does.
    ///
    /// Raking that does not converge is not an error (R warns); the design carries a
    /// ``EstimateNote/rakingNotConverged(iterations:)`` note, also reported by
    /// ``rakingConverged``.
    public func raked(
        to margins: [RakingMargin], maxIterations: Int = 10, tolerance: Double = 1
    ) throws(DesignError) -> SurveyDesign {
        guard !margins.isEmpty else { return self }
        let epsilon = tolerance < 1 ? tolerance * weights.reduce(0, +) : tolerance
        let cells = try crossClassification(of: margins.map(\.column))
        var current = weights
        var previousTable = Self.weightedCounts(current, cells: cells)
        var lastSweep: [(column: String, levels: (codes: [Int], labels: [String]), before: [Double], after: [Double])] = []
        var converged = false
        var sweeps = 0
        while sweeps < maxIterations {
            lastSweep = []
            for margin in margins {
                let step = try adjustment(to: margin.column, population: margin.population, partial: false, weights: current)
                lastSweep.append((margin.column, step.levels, current, step.weights))
                current = step.weights
            }
            let table = Self.weightedCounts(current, cells: cells)
            let change = zip(table, previousTable).map { abs($0 - $1) }.max() ?? 0
            if change < epsilon {
                converged = true
                break
            }
            previousTable = table
            sweeps += 1
        }
        var copy = self
        copy.weights = current
        let first = copy.calibration.margins.count
        for step in lastSweep {
            let margin = makeMargin(column: step.column, levels: step.levels, oldWeights: step.before, newWeights: step.after, raking: true)
            copy.calibration.append(margin, rowCount: rowCount)
        }
        for _ in 0..<10 {
            copy.calibration.steps.append(contentsOf: first..<(first + lastSweep.count))
        }
        copy.rakingConverged = converged
        if !converged { copy.notes.append(.rakingNotConverged(iterations: sweeps)) }
        return copy
    }

    /// The cell of each row in the cross-classification of `columns`, and the cell count.
    private func crossClassification(of columns: [String]) throws(DesignError) -> (cellOfRow: [Int], count: Int) {
        var keyOfRow = Array(repeating: [Int](), count: rowCount)
        for column in columns {
            let codes = LabelCodes(try Self.column(column, in: table))
            for row in 0..<rowCount {
                guard let code = codes.codeOfRow[row] else { throw .missingValue(column: column, row: row + 1) }
                keyOfRow[row].append(code)
            }
        }
        var cellOfKey: [[Int]: Int] = [:]
        var cells = Array(repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            if let cell = cellOfKey[keyOfRow[row]] {
                cells[row] = cell
            } else {
                cells[row] = cellOfKey.count
                cellOfKey[keyOfRow[row]] = cellOfKey.count
            }
        }
        return (cells, cellOfKey.count)
    }

    private static func weightedCounts(_ weights: [Double], cells: (cellOfRow: [Int], count: Int)) -> [Double] {
        var table = Array(repeating: 0.0, count: cells.count)
        for (row, cell) in cells.cellOfRow.enumerated() { table[cell] += weights[row] }
        return table
    }
}

/// One raking margin: a column and the population count of each of its levels.
public struct RakingMargin: Sendable, Hashable {
    public var column: String
    public var population: [String: Double]

    public init(column: String, population: [String: Double]) {
        self.column = column
        self.population = population
    }
}
