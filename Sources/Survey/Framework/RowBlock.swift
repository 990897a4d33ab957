/// A block of rows read for a pass, in the design's PSU order: their values gathered row-major
/// (each row's columns consecutive, padded with NaN to whole SIMD vectors) and the cell of each
/// base grouping they fall in.
///
/// Columns are stored one array per indicator, rows in PSU order; gathering a few hundred rows at
/// a time reads each column in short sequential runs and leaves a block that fits in cache, so the
/// summing loop can add a row's columns as vectors.
struct RowBlock {
    /// Rows gathered at once: small enough that a block's values stay in cache.
    static let capacity = 256

    let columns: DomainSums.Columns
    let dimensionCodes: [[Int32]]
    /// Per dimension: its number of levels, which is also the slot of a missing value.
    let dimensionSizes: [Int]
    let lanes: Int
    /// The base groupings flattened: per base, its first cell; (dimension, stride) terms.
    let baseOffsets: [Int]
    let baseTerms: [(dimension: Int, stride: Int)]
    let baseTermEnd: [Int]
    let ratioPairs: [(Int, Int)]

    /// Rows in the block.
    var size = 0
    var rowIndex: [Int]
    /// Per row, 4 x lanes values.
    var values: [Double]
    /// Per row and dimension, the level (or the missing slot).
    var slots: [Int]
    /// Per row and base grouping, the cell.
    var cells: [Int]
    /// Per row, the cell of the finest crossing (when the plan has one).
    var finestCells: [Int]
    let finestTerms: [(dimension: Int, stride: Int)]
    let hasFinest: Bool

    var baseCount: Int { baseOffsets.count }

    init(columns: DomainSums.Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan) {
        self.columns = columns
        self.dimensionCodes = dimensionCodes
        self.dimensionSizes = dimensionSizes
        self.lanes = max(1, (columns.count + 3) / 4)
        var offsets: [Int] = []
        var terms: [(dimension: Int, stride: Int)] = []
        var termEnd: [Int] = []
        for base in plan.bases {
            offsets.append(base.offset)
            for (position, dimension) in base.dimensions.enumerated() { terms.append((dimension, base.strides[position])) }
            termEnd.append(terms.count)
        }
        self.baseOffsets = offsets
        self.baseTerms = terms
        self.baseTermEnd = termEnd
        self.hasFinest = plan.finest != nil
        self.finestTerms = plan.finest.map { finest in finest.dimensions.enumerated().map { ($0.element, finest.strides[$0.offset]) } } ?? []
        self.ratioPairs = columns.partner.enumerated().filter { $0.element > $0.offset }.map { ($0.offset, $0.element) }
        let capacity = Self.capacity
        self.rowIndex = [Int](repeating: 0, count: capacity)
        self.values = [Double](repeating: .nan, count: capacity * lanes * 4)
        self.slots = [Int](repeating: 0, count: capacity * max(dimensionCodes.count, 1))
        self.cells = [Int](repeating: 0, count: capacity * max(offsets.count, 1))
        self.finestCells = [Int](repeating: 0, count: capacity)
    }

    /// Reads the rows at `positions` of the design's PSU order (at most ``capacity``).
    mutating func load(_ positions: Range<Int>, design: CodedDesign) {
        size = positions.count
        let size = size
        let stride = lanes * 4
        let width = columns.count
        let dimensionCount = dimensionCodes.count
        design.rowOrder.withUnsafeBufferPointer { order in
            rowIndex.withUnsafeMutableBufferPointer { rowIndex in
                for index in 0..<size { rowIndex[index] = Int(order[positions.lowerBound + index]) }
            }
        }
        let columns = columns
        let ratioPairs = ratioPairs
        values.withUnsafeMutableBufferPointer { target in
            rowIndex.withUnsafeBufferPointer { rowIndex in
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
        let dimensionCodes = dimensionCodes
        let dimensionSizes = dimensionSizes
        slots.withUnsafeMutableBufferPointer { slots in
            rowIndex.withUnsafeBufferPointer { rowIndex in
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
        let baseCount = baseCount
        let baseOffsets = baseOffsets
        let baseTermEnd = baseTermEnd
        cells.withUnsafeMutableBufferPointer { cells in
            slots.withUnsafeBufferPointer { slots in
                baseTerms.withUnsafeBufferPointer { terms in
                    for index in 0..<size {
                        var termStart = 0
                        for base in 0..<baseCount {
                            var cell = baseOffsets[base]
                            let termEnd = baseTermEnd[base]
                            for term in termStart..<termEnd {
                                cell = cell &+ slots[index &* dimensionCount &+ terms[term].dimension] &* terms[term].stride
                            }
                            termStart = termEnd
                            cells[index &* baseCount &+ base] = cell
                        }
                    }
                }
            }
        }
        guard hasFinest else { return }
        finestCells.withUnsafeMutableBufferPointer { finestCells in
            slots.withUnsafeBufferPointer { slots in
                finestTerms.withUnsafeBufferPointer { terms in
                    for index in 0..<size {
                        var cell = 0
                        for term in terms {
                            cell = cell &+ slots[index &* dimensionCount &+ term.dimension] &* term.stride
                        }
                        finestCells[index] = cell
                    }
                }
            }
        }
    }

    /// The four gathered values from `offset` as one vector.
    @inline(__always)
    static func lane(_ values: UnsafeBufferPointer<Double>, at offset: Int) -> DomainSums.Lanes {
        DomainSums.Lanes(values[offset], values[offset &+ 1], values[offset &+ 2], values[offset &+ 3])
    }
}
