/// The sums one pass over a range of PSUs collects, per cell of the base groupings
/// (``GroupingPlan``) and value column: everything the estimates and their variances need.
///
/// For a mean in domain d the influence total of a PSU is (Sy - mean * Sw) / W, with Sy the PSU's
/// sum of w * y over rows in d with a value, Sw their weights and W the domain's weight; a total
/// needs only Sy, a ratio Sy of both columns. So per PSU and cell the pass keeps Sy and Sw of every
/// column, and the variance needs no second look at the rows.
struct DomainSums: Sendable {
    /// The PSUs summed.
    var psus: Range<Int>
    /// Per (PSU - psus.lowerBound, cell): `columns` sums of w * y, then `columns` sums of w over
    /// rows with a value.
    var psuSums: [Double]
    /// Per (PSU - psus.lowerBound, cell): rows with a non-zero weight (for degrees of freedom).
    var psuWeightedRows: [Int32]
    /// Per (cell, column): rows with a value and a positive weight (the unweighted n).
    var counts: [Double]
    /// Per (cell, column): sum of w * y^2 (for the design effect).
    var squares: [Double]
    /// Per cell: rows, whatever their values and weight.
    var rows: [Int]

    /// The value columns of one pass and, for ratio columns, the column whose value must also be
    /// present for a row to count.
    struct Columns: Sendable {
        var values: [[Double]]
        /// The partner column of each column, or -1.
        var partner: [Int]
        var count: Int { values.count }
    }

    /// Rows gathered per block: small enough that a block's values stay in the first-level cache.
    static let blockRows = 64

    /// Sums the rows of PSUs `psus` (in the design's PSU order).
    static func collect(
        design: CodedDesign, columns: Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan, psus: Range<Int>
    ) -> DomainSums {
        let width = columns.count
        let cells = plan.cellCount
        let psuCount = psus.count
        var psuSums = [Double](repeating: 0, count: psuCount * cells * 2 * width)
        var psuWeightedRows = [Int32](repeating: 0, count: psuCount * cells)
        var counts = [Double](repeating: 0, count: cells * width)
        var squares = [Double](repeating: 0, count: cells * width)
        var rowsOfCell = [Int](repeating: 0, count: cells)
        let firstPosition = design.psuStart[psus.lowerBound]
        let endPosition = design.psuStart[psus.upperBound]
        let dimensionCount = dimensionCodes.count
        let ratioPairs = columns.partner.enumerated().filter { $0.element > $0.offset }.map { ($0.offset, $0.element) }

        // Per block: row numbers, gathered values (row-major), each row's dimension slots.
        let block = blockRows
        var blockRowIndex = [Int](repeating: 0, count: block)
        var gathered = [Double](repeating: 0, count: block * width)
        var slots = [Int](repeating: 0, count: block * max(dimensionCount, 1))
        // Per row: w * y, w where present, 1 where present with positive weight, w * y^2.
        var weighted = [Double](repeating: 0, count: width)
        var present = [Double](repeating: 0, count: width)
        var counted = [Double](repeating: 0, count: width)
        var squared = [Double](repeating: 0, count: width)
        var cellOfBase = [Int](repeating: 0, count: plan.bases.count)

        var position = firstPosition
        while position < endPosition {
            let blockEnd = min(endPosition, position + block)
            let size = blockEnd - position
            design.rowOrder.withUnsafeBufferPointer { order in
                for index in 0..<size { blockRowIndex[index] = Int(order[position + index]) }
            }
            gathered.withUnsafeMutableBufferPointer { target in
                blockRowIndex.withUnsafeBufferPointer { rowIndex in
                    for column in 0..<width {
                        columns.values[column].withUnsafeBufferPointer { source in
                            for index in 0..<size { target[index * width + column] = source[rowIndex[index]] }
                        }
                    }
                    for (first, second) in ratioPairs {
                        for index in 0..<size where target[index * width + first].isNaN || target[index * width + second].isNaN {
                            target[index * width + first] = .nan
                            target[index * width + second] = .nan
                        }
                    }
                }
            }
            slots.withUnsafeMutableBufferPointer { slots in
                blockRowIndex.withUnsafeBufferPointer { rowIndex in
                    for dimension in 0..<dimensionCount {
                        let missingSlot = dimensionSizes[dimension]
                        dimensionCodes[dimension].withUnsafeBufferPointer { codes in
                            for index in 0..<size {
                                let code = Int(codes[rowIndex[index]])
                                slots[index * dimensionCount + dimension] = code < 0 ? missingSlot : code
                            }
                        }
                    }
                }
            }
            psuSums.withUnsafeMutableBufferPointer { sums in
            psuWeightedRows.withUnsafeMutableBufferPointer { weightedRows in
            counts.withUnsafeMutableBufferPointer { counts in
            squares.withUnsafeMutableBufferPointer { squares in
            gathered.withUnsafeBufferPointer { gathered in
            weighted.withUnsafeMutableBufferPointer { weighted in
            present.withUnsafeMutableBufferPointer { present in
            counted.withUnsafeMutableBufferPointer { counted in
            squared.withUnsafeMutableBufferPointer { squared in
            design.weights.withUnsafeBufferPointer { weights in
            design.psuOfRow.withUnsafeBufferPointer { psuOfRow in
                for index in 0..<size {
                    let row = blockRowIndex[index]
                    let w = weights[row]
                    let positive: Double = w > 0 ? 1 : 0
                    let base = index * width
                    for column in 0..<width {
                        let y = gathered[base + column]
                        let has = !y.isNaN
                        let value = has ? y : 0
                        weighted[column] = w * value
                        present[column] = has ? w : 0
                        counted[column] = has ? positive : 0
                        squared[column] = w * value * value
                    }
                    let localPSU = Int(psuOfRow[row]) - psus.lowerBound
                    for (baseIndex, grouping) in plan.bases.enumerated() {
                        var cell = grouping.offset
                        for (position, dimension) in grouping.dimensions.enumerated() {
                            cell += slots[index * dimensionCount + dimension] * grouping.strides[position]
                        }
                        cellOfBase[baseIndex] = cell
                        let sumBase = (localPSU * cells + cell) * 2 * width
                        for column in 0..<width {
                            sums[sumBase + column] += weighted[column]
                            sums[sumBase + width + column] += present[column]
                        }
                        let cellBase = cell * width
                        for column in 0..<width {
                            counts[cellBase + column] += counted[column]
                            squares[cellBase + column] += squared[column]
                        }
                        if w != 0 { weightedRows[localPSU * cells + cell] += 1 }
                    }
                    for cell in cellOfBase { rowsOfCell[cell] += 1 }
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
            psus: psus, psuSums: psuSums, psuWeightedRows: psuWeightedRows, counts: counts, squares: squares, rows: rowsOfCell)
    }
}
