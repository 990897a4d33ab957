/// The sums one pass over a range of PSUs collects, per cell of the base groupings
/// (``GroupingPlan``) and value column: everything the estimates and their variances need.
///
/// For a mean in domain d the influence total of a PSU is (Sy - mean * Sw) / W, with Sy the PSU's
/// sum of w * y over rows in d with a value, Sw their weights and W the domain's weight; a total
/// needs only Sy, a ratio Sy of both columns. So per PSU and cell the pass keeps Sy and Sw of every
/// column, and the variance needs no second look at the rows.
struct DomainSums: Sendable {
    /// Value columns are summed four at a time: the sums of a row's columns are consecutive
    /// vectors, so adding a row to a cell is a few vector additions, whatever the platform's
    /// vector width.
    typealias Lanes = SIMD4<Double>

    /// The PSUs summed.
    var psus: Range<Int>
    /// Vectors per sum of all columns (columns / 4, rounded up).
    var lanes: Int
    /// Per (PSU - psus.lowerBound, cell): `lanes` vectors of sums of w * y, then `lanes` vectors
    /// of sums of w over rows with a value.
    var psuSums: [Lanes]
    /// Per (PSU - psus.lowerBound, cell): rows with a non-zero weight (for degrees of freedom).
    var psuWeightedRows: [Int32]
    /// Per (cell, lane), cells of the finest crossing if the plan has one, else base cells: rows
    /// with a value and a positive weight (the unweighted n).
    var counts: [Lanes]
    /// Per (cell, lane), cells as ``counts``: sums of w * y^2 (for the design effect).
    var squares: [Lanes]
    /// Per cell, cells as ``counts``: rows, whatever their values and weight.
    var rows: [Int]

    /// Column `column` of a vector array whose entries hold `lanes` vectors per item.
    @inline(__always)
    static func scalar(_ vectors: [Lanes], item: Int, lanes: Int, column: Int) -> Double {
        vectors[item &* lanes &+ (column >> 2)][column & 3]
    }

    /// The value columns of one pass and, for ratio columns, the column whose value must also be
    /// present for a row to count.
    struct Columns: Sendable {
        var values: [[Double]]
        /// The partner column of each column, or -1.
        var partner: [Int]
        var count: Int { values.count }
    }

    /// Sums the rows of PSUs `psus` (in the design's PSU order).
    ///
    /// - Parameter pooled: sum all the PSUs together (one set of cell sums, no per-PSU sums), for
    ///   the first pass of the streaming strategy when per-PSU sums would not fit in memory.
    static func collect(
        design: CodedDesign, columns: Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan,
        psus: Range<Int>, pooled: Bool = false
    ) -> DomainSums {
        var block = RowBlock(columns: columns, dimensionCodes: dimensionCodes, dimensionSizes: dimensionSizes, plan: plan)
        let lanes = block.lanes
        let cells = plan.cellCount
        let units = pooled ? 1 : psus.count
        let zero = Lanes(repeating: 0)
        var psuSums = [Lanes](repeating: zero, count: units * cells * 2 * lanes)
        var psuWeightedRows = [Int32](repeating: 0, count: units * cells)
        let finest = plan.finest != nil
        let countCells = plan.finest?.cellCount ?? cells
        var counts = [Lanes](repeating: zero, count: countCells * lanes)
        var squares = [Lanes](repeating: zero, count: countCells * lanes)
        var rowsOfCell = [Int](repeating: 0, count: countCells)
        let baseCount = block.baseCount
        let stride = lanes * 4

        var position = design.psuStart[psus.lowerBound]
        let endPosition = design.psuStart[psus.upperBound]
        while position < endPosition {
            let blockEnd = min(endPosition, position + RowBlock.capacity)
            block.load(position..<blockEnd, design: design)
            let size = block.size
            psuSums.withUnsafeMutableBufferPointer { sums in
            psuWeightedRows.withUnsafeMutableBufferPointer { weightedRows in
            counts.withUnsafeMutableBufferPointer { counts in
            squares.withUnsafeMutableBufferPointer { squares in
            rowsOfCell.withUnsafeMutableBufferPointer { rowsOfCell in
            block.values.withUnsafeBufferPointer { gathered in
            block.cells.withUnsafeBufferPointer { cellOfRow in
            block.finestCells.withUnsafeBufferPointer { finestCells in
            block.rowIndex.withUnsafeBufferPointer { rowIndex in
            design.weights.withUnsafeBufferPointer { weights in
            design.psuOfRow.withUnsafeBufferPointer { psuOfRow in
                for index in 0..<size {
                    let row = rowIndex[index]
                    let w = weights[row]
                    let weight = Lanes(repeating: w)
                    let positive = Lanes(repeating: w > 0 ? 1 : 0)
                    let unit = pooled ? 0 : Int(psuOfRow[row]) &- psus.lowerBound
                    let cellBase = index &* baseCount
                    for base in 0..<baseCount {
                        let cell = cellOfRow[cellBase &+ base]
                        if !finest { rowsOfCell[cell] &+= 1 }
                        if w != 0 { weightedRows[unit &* cells &+ cell] &+= 1 }
                    }
                    let finestCell = finestCells[index]
                    if finest { rowsOfCell[finestCell] &+= 1 }
                    let rowBase = index &* stride
                    for lane in 0..<lanes {
                        let y = RowBlock.lane(gathered, at: rowBase &+ lane &* 4)
                        let has = y .== y
                        let value = zero.replacing(with: y, where: has)
                        let weighted = weight * value
                        let present = zero.replacing(with: weight, where: has)
                        let counted = zero.replacing(with: positive, where: has)
                        let squared = weighted * value
                        for base in 0..<baseCount {
                            let cell = cellOfRow[cellBase &+ base]
                            let sumAt = (unit &* cells &+ cell) &* 2 &* lanes &+ lane
                            sums[sumAt] += weighted
                            sums[sumAt &+ lanes] += present
                            if !finest {
                                counts[cell &* lanes &+ lane] += counted
                                squares[cell &* lanes &+ lane] += squared
                            }
                        }
                        if finest {
                            counts[finestCell &* lanes &+ lane] += counted
                            squares[finestCell &* lanes &+ lane] += squared
                        }
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            position = blockEnd
        }
        return DomainSums(
            psus: psus, lanes: lanes, psuSums: psuSums, psuWeightedRows: psuWeightedRows, counts: counts, squares: squares,
            rows: rowsOfCell)
    }
}
