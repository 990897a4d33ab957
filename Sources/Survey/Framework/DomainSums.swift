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
    /// Per (cell, lane): rows with a value and a positive weight (the unweighted n).
    var counts: [Lanes]
    /// Per (cell, lane): sums of w * y^2 (for the design effect).
    var squares: [Lanes]
    /// Per cell: rows, whatever their values and weight.
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

    /// Rows gathered per block: small enough that a block's values stay in the first-level cache.
    static let blockRows = 256

    /// Sums the rows of PSUs `psus` (in the design's PSU order).
    static func collect(
        design: CodedDesign, columns: Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan, psus: Range<Int>
    ) -> DomainSums {
        let width = columns.count
        let lanes = max(1, (width + 3) / 4)
        let cells = plan.cellCount
        let psuCount = psus.count
        let zero = Lanes(repeating: 0)
        var psuSums = [Lanes](repeating: zero, count: psuCount * cells * 2 * lanes)
        var psuWeightedRows = [Int32](repeating: 0, count: psuCount * cells)
        var counts = [Lanes](repeating: zero, count: cells * lanes)
        var squares = [Lanes](repeating: zero, count: cells * lanes)
        var rowsOfCell = [Int](repeating: 0, count: cells)
        let firstPosition = design.psuStart[psus.lowerBound]
        let endPosition = design.psuStart[psus.upperBound]
        let dimensionCount = dimensionCodes.count
        let ratioPairs = columns.partner.enumerated().filter { $0.element > $0.offset }.map { ($0.offset, $0.element) }
        // The base groupings flattened: per base, its first cell, then (dimension, stride) pairs.
        var baseOffsets: [Int] = []
        var baseTerms: [(dimension: Int, stride: Int)] = []
        var baseTermEnd: [Int] = []
        for base in plan.bases {
            baseOffsets.append(base.offset)
            for (position, dimension) in base.dimensions.enumerated() { baseTerms.append((dimension, base.strides[position])) }
            baseTermEnd.append(baseTerms.count)
        }
        let baseCount = baseOffsets.count

        // Per block: row numbers, gathered values (row-major, padded with NaN to whole vectors),
        // each row's dimension slots.
        let block = blockRows
        var blockRowIndex = [Int](repeating: 0, count: block)
        var gathered = [Double](repeating: .nan, count: block * lanes * 4)
        var slots = [Int](repeating: 0, count: block * max(dimensionCount, 1))
        var cellOfBase = [Int](repeating: 0, count: baseCount)

        var position = firstPosition
        while position < endPosition {
            let blockEnd = min(endPosition, position + block)
            let size = blockEnd - position
            let stride = lanes * 4
            design.rowOrder.withUnsafeBufferPointer { order in
                for index in 0..<size { blockRowIndex[index] = Int(order[position + index]) }
            }
            gathered.withUnsafeMutableBufferPointer { target in
                blockRowIndex.withUnsafeBufferPointer { rowIndex in
                    for column in 0..<width {
                        columns.values[column].withUnsafeBufferPointer { source in
                            for index in 0..<size { target[index &* stride &+ column] = source[rowIndex[index]] }
                        }
                    }
                    for (first, second) in ratioPairs {
                        for index in 0..<size where target[index * stride + first].isNaN || target[index * stride + second].isNaN {
                            target[index * stride + first] = .nan
                            target[index * stride + second] = .nan
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
                                slots[index &* dimensionCount &+ dimension] = code < 0 ? missingSlot : code
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
            design.weights.withUnsafeBufferPointer { weights in
            design.psuOfRow.withUnsafeBufferPointer { psuOfRow in
            slots.withUnsafeBufferPointer { slots in
            baseTerms.withUnsafeBufferPointer { terms in
                for index in 0..<size {
                    let row = blockRowIndex[index]
                    let w = weights[row]
                    let nonZero = w != 0
                    let weight = Lanes(repeating: w)
                    let positive = Lanes(repeating: w > 0 ? 1 : 0)
                    let localPSU = Int(psuOfRow[row]) &- psus.lowerBound
                    var termStart = 0
                    for base in 0..<baseCount {
                        var cell = baseOffsets[base]
                        let termEnd = baseTermEnd[base]
                        for term in termStart..<termEnd {
                            cell = cell &+ slots[index &* dimensionCount &+ terms[term].dimension] &* terms[term].stride
                        }
                        termStart = termEnd
                        cellOfBase[base] = cell
                        if nonZero { weightedRows[localPSU &* cells &+ cell] &+= 1 }
                    }
                    let rowBase = index &* stride
                    for lane in 0..<lanes {
                        let at = rowBase &+ lane &* 4
                        let y = Lanes(gathered[at], gathered[at &+ 1], gathered[at &+ 2], gathered[at &+ 3])
                        let has = y .== y
                        let value = zero.replacing(with: y, where: has)
                        let weighted = weight * value
                        let present = zero.replacing(with: weight, where: has)
                        let counted = zero.replacing(with: positive, where: has)
                        let squared = weighted * value
                        for base in 0..<baseCount {
                            let cell = cellOfBase[base]
                            let sumAt = (localPSU &* cells &+ cell) &* 2 &* lanes &+ lane
                            sums[sumAt] += weighted
                            sums[sumAt &+ lanes] += present
                            let cellAt = cell &* lanes &+ lane
                            counts[cellAt] += counted
                            squares[cellAt] += squared
                        }
                    }
                    for base in 0..<baseCount { rowsOfCell[cellOfBase[base]] &+= 1 }
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
