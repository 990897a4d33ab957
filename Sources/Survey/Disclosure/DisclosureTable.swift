/// A table of estimates over zero or more crossed dimensions, with every margin, ready for
/// disclosure control.
///
/// The table is always the complete "hypercube": for each dimension every level plus the total,
/// crossed with every other dimension. Cells the caller leaves out are filled in:
/// an interior cell (no totals in its coordinates) left out has no respondents (n = 0), and a
/// margin left out gets the sum of the interior cells it covers, with no estimate. Filling in
/// margins is deliberately conservative: protection is checked as if every margin's n were
/// published, and publishing fewer margins can only tell an intruder less.
///
/// Cells are stored in a fixed order (the last dimension varies fastest; within a dimension,
/// levels in order, then the total), and `relations` lists, for every margin and every
/// dimension it totals over, "margin = sum of the cells one level finer".
public struct DisclosureTable: Sendable, Hashable {
    /// Tables larger than this are refused: the exact audit does Gaussian elimination over the
    /// hidden cells, which grows with the cube of their number.
    public static let maximumCellCount = 20_000

    public let dimensions: [TableDimension]
    /// Every cell of the hypercube, in the fixed order described above.
    public let cells: [DisclosureCell]
    /// The additive facts a reader knows: each margin equals the sum of its parts.
    public let relations: [AdditiveRelation]
    /// For each cell, the indices of the relations that mention it (as total or as a part).
    let relationsByCell: [[Int]]
    private let indexByCoordinates: [[String?]: Int]

    /// Builds the complete table from the supplied cells, checking that the supplied counts add up.
    public init(dimensions: [TableDimension], cells suppliedCells: [DisclosureCell]) throws(DisclosureTableError) {
        for dimension in dimensions where dimension.levels.isEmpty || Set(dimension.levels).count != dimension.levels.count {
            throw .invalidLevels(dimension: dimension.name)
        }
        // Each dimension has its levels plus one slot for the total.
        let sizes = dimensions.map { $0.levels.count + 1 }
        var cellCount = 1
        for size in sizes {
            let (product, overflow) = cellCount.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Self.maximumCellCount else {
                throw .tooManyCells(limit: Self.maximumCellCount)
            }
            cellCount = product
        }
        let grid = HypercubeGrid(sizes: sizes)

        var supplied = [DisclosureCell?](repeating: nil, count: cellCount)
        for cell in suppliedCells {
            guard cell.coordinates.count == dimensions.count else {
                throw .wrongNumberOfCoordinates(coordinates: cell.coordinates, expected: dimensions.count)
            }
            var position = [Int]()
            for (dimension, coordinate) in zip(dimensions, cell.coordinates) {
                if let coordinate {
                    guard let level = dimension.levels.firstIndex(of: coordinate) else {
                        throw .unknownLevel(coordinates: cell.coordinates, dimension: dimension.name, level: coordinate)
                    }
                    position.append(level)
                } else {
                    position.append(dimension.levels.count)
                }
            }
            guard cell.count >= 0 else {
                throw .negativeCount(coordinates: cell.coordinates, count: cell.count)
            }
            let index = grid.index(of: position)
            guard supplied[index] == nil else { throw .duplicateCell(coordinates: cell.coordinates) }
            supplied[index] = cell
        }

        // Margins from the interior: after pass d, every cell whose totals all lie in
        // dimensions 0...d holds the right sum.
        var counts = [Int](repeating: 0, count: cellCount)
        for index in 0..<cellCount where grid.isInterior(index) {
            counts[index] = supplied[index]?.count ?? 0
        }
        for dimension in sizes.indices {
            for index in 0..<cellCount where grid.isTotal(index, in: dimension) {
                counts[index] = grid.parts(of: index, in: dimension).reduce(0) { $0 + counts[$1] }
            }
        }

        var cells = [DisclosureCell]()
        cells.reserveCapacity(cellCount)
        var indexByCoordinates = [[String?]: Int]()
        for index in 0..<cellCount {
            let position = grid.position(of: index)
            let coordinates: [String?] = zip(dimensions, position).map { dimension, level in
                level < dimension.levels.count ? dimension.levels[level] : nil
            }
            if let cell = supplied[index], cell.count != counts[index] {
                throw .countsNotAdditive(coordinates: coordinates, supplied: cell.count, sumOfCells: counts[index])
            }
            let given = supplied[index]
            cells.append(DisclosureCell(
                coordinates: coordinates, count: counts[index],
                estimate: given?.estimate, standardError: given?.standardError))
            indexByCoordinates[coordinates] = index
        }

        var relations = [AdditiveRelation]()
        var relationsByCell = [[Int]](repeating: [], count: cellCount)
        for index in 0..<cellCount {
            for dimension in sizes.indices where grid.isTotal(index, in: dimension) {
                let relation = AdditiveRelation(total: index, parts: grid.parts(of: index, in: dimension))
                for cell in relation.cells { relationsByCell[cell].append(relations.count) }
                relations.append(relation)
            }
        }

        self.dimensions = dimensions
        self.cells = cells
        self.relations = relations
        self.relationsByCell = relationsByCell
        self.indexByCoordinates = indexByCoordinates
    }

    /// The position of the cell with these coordinates (nil = total) in `cells`.
    public func index(of coordinates: [String?]) -> Int? {
        indexByCoordinates[coordinates]
    }

    public func cell(at coordinates: [String?]) -> DisclosureCell? {
        index(of: coordinates).map { cells[$0] }
    }
}
