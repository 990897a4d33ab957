/// Which hidden cells are fixed by the additive relations once every shown cell is known.
///
/// Each relation `total = sum(parts)` becomes one linear equation in the hidden cells (shown cells
/// move to the right-hand side). A hidden cell has the same value in every solution exactly when
/// its unit vector lies in the row space of the equations. The right-hand sides do not matter for
/// that question, so only the coefficients (0, +1, -1) are used.
///
/// Elimination is exact: Gauss–Jordan over integers, each new row scaled by the pivot instead of
/// divided, then divided by the gcd of its entries so numbers stay small. For 1-D and 2-D tables
/// the matrix is totally unimodular and entries never leave {-1, 0, 1}; larger tables stay small
/// in practice, and overflow is detected rather than trapped.
enum LinearDeterminacy {
    /// The hidden cells whose value follows from the shown ones, or nil if the elimination
    /// overflowed (the caller must then treat the answer as unknown).
    static func determinedCells(hidden: [Int], relations: [AdditiveRelation]) -> Set<Int>? {
        var column = [Int: Int]()
        for (position, cell) in hidden.enumerated() { column[cell] = position }
        let width = hidden.count

        var rows = [[Int]]()
        for relation in relations {
            var row = [Int](repeating: 0, count: width)
            var mentionsHidden = false
            if let total = column[relation.total] {
                row[total] += 1
                mentionsHidden = true
            }
            for part in relation.parts {
                if let position = column[part] {
                    row[position] -= 1
                    mentionsHidden = true
                }
            }
            if mentionsHidden { rows.append(row) }
        }

        var pivotRowOfColumn = [Int?](repeating: nil, count: width)
        var nextPivotRow = 0
        for pivotColumn in 0..<width where nextPivotRow < rows.count {
            guard let found = (nextPivotRow..<rows.count).first(where: { rows[$0][pivotColumn] != 0 }) else {
                continue
            }
            rows.swapAt(found, nextPivotRow)
            let pivotRow = rows[nextPivotRow]
            let pivot = pivotRow[pivotColumn]
            for target in rows.indices where target != nextPivotRow && rows[target][pivotColumn] != 0 {
                guard let reduced = eliminate(rows[target], using: pivotRow, pivot: pivot, column: pivotColumn) else {
                    return nil
                }
                rows[target] = reduced
            }
            pivotRowOfColumn[pivotColumn] = nextPivotRow
            nextPivotRow += 1
        }

        var determined = Set<Int>()
        for (position, cell) in hidden.enumerated() {
            guard let pivotRow = pivotRowOfColumn[position] else { continue }
            if rows[pivotRow].allSatisfy({ $0 == 0 }) == false,
               rows[pivotRow].indices.allSatisfy({ $0 == position || rows[pivotRow][$0] == 0 }) {
                determined.insert(cell)
            }
        }
        return determined
    }

    /// `row * pivot - pivotRow * row[column]`, divided by the gcd of its entries; nil on overflow.
    private static func eliminate(_ row: [Int], using pivotRow: [Int], pivot: Int, column: Int) -> [Int]? {
        let factor = row[column]
        var result = [Int](repeating: 0, count: row.count)
        var divisor = 0
        for index in row.indices {
            let (left, leftOverflow) = row[index].multipliedReportingOverflow(by: pivot)
            let (right, rightOverflow) = pivotRow[index].multipliedReportingOverflow(by: factor)
            let (value, overflow) = left.subtractingReportingOverflow(right)
            if leftOverflow || rightOverflow || overflow { return nil }
            result[index] = value
            divisor = greatestCommonDivisor(divisor, value)
        }
        if divisor > 1 {
            for index in result.indices { result[index] /= divisor }
        }
        return result
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var a = a.magnitude
        var b = b.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        return Int(clamping: a)
    }
}
