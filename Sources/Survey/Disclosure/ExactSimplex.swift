/// The simplex method over exact fractions, for one question: how far can each unknown move within
/// `{ x : equations · x = rhs, lower ≤ x ≤ upper }`?
///
/// This is what turns the bounds attack from "propagate one relation at a time" into an exact
/// answer: an intruder who combines all relations with non-negativity and the suppression marks can
/// find each hidden count's true minimum and maximum by linear programming, and so can we.
///
/// Form used: `x = lower + y`, `y ≥ 0`; finite upper bounds become `y + slack = upper - lower`;
/// equation rows get artificial variables for phase 1, which are removed once a feasible basis is
/// found. Bland's rule (smallest index enters and leaves) rules out cycling, so every run ends.
/// All arithmetic is exact (`ExactFraction`); on overflow the caller gets an error, never a guess.
struct ExactSimplex {
    enum Failure: Error {
        /// No x satisfies the constraints (the published view contradicts itself).
        case infeasible
        case overflow
    }

    /// Constraint rows, each ending with its right-hand side.
    private var rows: [[ExactFraction]]
    /// The basic column of each row.
    private var basis: [Int]
    private let unknownCount: Int
    private let lower: [Int]

    /// Finds a feasible starting point (phase 1).
    init(equations: [[Int]], rhs: [Int], lower: [Int], upper: [Int?]) throws(Failure) {
        let unknownCount = lower.count
        let bounded = (0..<unknownCount).filter { upper[$0] != nil }
        let slackCount = bounded.count
        let artificialCount = equations.count
        let width = unknownCount + slackCount + artificialCount
        var rows = [[ExactFraction]]()
        var basis = [Int]()

        for (index, equation) in equations.enumerated() {
            var shifted = rhs[index]
            for (column, coefficient) in equation.enumerated() where coefficient != 0 {
                shifted -= coefficient * lower[column]
            }
            let sign = shifted < 0 ? -1 : 1
            var row = [ExactFraction](repeating: .zero, count: width + 1)
            for (column, coefficient) in equation.enumerated() where coefficient != 0 {
                row[column] = ExactFraction(integer: sign * coefficient)
            }
            row[unknownCount + slackCount + index] = .one
            row[width] = ExactFraction(integer: sign * shifted)
            rows.append(row)
            basis.append(unknownCount + slackCount + index)
        }
        for (slack, column) in bounded.enumerated() {
            guard let top = upper[column] else { continue }
            let room = top - lower[column]
            guard room >= 0 else { throw .infeasible }
            var row = [ExactFraction](repeating: .zero, count: width + 1)
            row[column] = .one
            row[unknownCount + slack] = .one
            row[width] = ExactFraction(integer: room)
            rows.append(row)
            basis.append(unknownCount + slack)
        }

        self.rows = rows
        self.basis = basis
        self.unknownCount = unknownCount
        self.lower = lower

        // Phase 1: maximise minus the sum of the artificial variables.
        let firstArtificial = unknownCount + slackCount
        var cost = [Int](repeating: 0, count: width)
        for column in firstArtificial..<width { cost[column] = -1 }
        do {
            let best = try optimise(cost: cost)
            guard let best, !best.isNegative else { throw Failure.infeasible }
            try dropArtificialColumns(from: firstArtificial)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .overflow
        }
    }

    /// The current feasible point, in the original unknowns.
    func values() throws(Failure) -> [ExactFraction] {
        var result = lower.map { ExactFraction(integer: $0) }
        for (row, column) in basis.enumerated() where column < unknownCount {
            do {
                result[column] = try result[column].adding(rows[row][rows[row].count - 1])
            } catch {
                throw .overflow
            }
        }
        return result
    }

    /// Moves to a point maximising `direction * x[unknown]` (direction +1 or -1) and returns that
    /// maximum, or nil if it is unbounded.
    mutating func maximise(unknown: Int, direction: Int) throws(Failure) -> ExactFraction? {
        guard let width = rows.first.map({ $0.count - 1 }) else {
            // No constraints at all (so no upper bounds either): x can grow without limit and
            // shrink down to its lower bound.
            return direction > 0 ? nil : ExactFraction(integer: -lower[unknown])
        }
        var cost = [Int](repeating: 0, count: width)
        cost[unknown] = direction
        do {
            guard let best = try optimise(cost: cost) else { return nil }
            return try best.adding(ExactFraction(integer: direction * lower[unknown]))
        } catch {
            throw .overflow
        }
    }

    /// Runs the simplex method from the current basis; returns the optimum of `cost · columns`
    /// (over the shifted variables), or nil if unbounded.
    private mutating func optimise(cost: [Int]) throws(ExactFraction.Overflow) -> ExactFraction? {
        guard let width = rows.first.map({ $0.count - 1 }) else { return .zero }
        // Objective row z - cost·y = 0, with the basic columns eliminated.
        var objective = [ExactFraction](repeating: .zero, count: width + 1)
        for column in 0..<width where cost[column] != 0 {
            objective[column] = ExactFraction(integer: -cost[column])
        }
        for (row, column) in basis.enumerated() where !objective[column].isZero {
            try subtract(rows[row], times: objective[column], from: &objective)
        }

        while true {
            guard let entering = (0..<width).first(where: { objective[$0].isNegative }) else {
                return objective[width]
            }
            var leaving: Int?
            var bestRatio = ExactFraction.zero
            for row in rows.indices where rows[row][entering].isPositive {
                let ratio = try rows[row][width].divided(by: rows[row][entering])
                if let current = leaving {
                    if ratio < bestRatio || (ratio == bestRatio && basis[row] < basis[current]) {
                        leaving = row
                        bestRatio = ratio
                    }
                } else {
                    leaving = row
                    bestRatio = ratio
                }
            }
            guard let pivotRow = leaving else { return nil }
            try pivot(row: pivotRow, column: entering)
            if !objective[entering].isZero {
                try subtract(rows[pivotRow], times: objective[entering], from: &objective)
            }
        }
    }

    private mutating func pivot(row pivotRow: Int, column: Int) throws(ExactFraction.Overflow) {
        let pivot = rows[pivotRow][column]
        if pivot != .one {
            for index in rows[pivotRow].indices where !rows[pivotRow][index].isZero {
                rows[pivotRow][index] = try rows[pivotRow][index].divided(by: pivot)
            }
        }
        let normalised = rows[pivotRow]
        for row in rows.indices where row != pivotRow && !rows[row][column].isZero {
            try subtract(normalised, times: rows[row][column], from: &rows[row])
        }
        basis[pivotRow] = column
    }

    private func subtract(
        _ source: [ExactFraction], times factor: ExactFraction, from target: inout [ExactFraction]
    ) throws(ExactFraction.Overflow) {
        for index in source.indices where !source[index].isZero {
            target[index] = try target[index].subtracting(source[index].multiplied(by: factor))
        }
    }

    /// After phase 1 every artificial is zero: pivot basic artificials out where possible,
    /// drop rows that turn out redundant, then drop the artificial columns.
    private mutating func dropArtificialColumns(from firstArtificial: Int) throws(ExactFraction.Overflow) {
        var row = 0
        while row < rows.count {
            if basis[row] >= firstArtificial {
                if let column = (0..<firstArtificial).first(where: { !rows[row][$0].isZero }) {
                    try pivot(row: row, column: column)
                } else {
                    rows.remove(at: row)
                    basis.remove(at: row)
                    continue
                }
            }
            row += 1
        }
        for index in rows.indices {
            let rhs = rows[index][rows[index].count - 1]
            rows[index] = Array(rows[index][0..<firstArtificial]) + [rhs]
        }
    }
}
