/// Which sums one pass over the rows must collect so that every asked-for grouping (overall,
/// each dimension, crossings) can be estimated, and how each grouping's domains are read off them.
///
/// A grouping whose dimensions are all part of a larger asked-for grouping is a margin of it:
/// overall, sex and disability are sums of the cells of sex x disability. So the pass only sums
/// into the cells of the largest groupings (the base groupings), each cell holding a missing level
/// per dimension so that margins still count rows missing the other dimensions. Fewer cells per
/// row means fewer additions per row, which is where the time goes.
struct GroupingPlan: Sendable {
    /// A grouping the pass sums into.
    struct Base: Sendable {
        /// Indices into the dimensions.
        var dimensions: [Int]
        /// Per dimension, the cell stride; a dimension has levels + 1 slots (the last: missing).
        var strides: [Int]
        var cellCount: Int
        /// The first cell of this grouping among all base cells.
        var offset: Int
    }

    /// An asked-for grouping, read off one base grouping.
    struct Requested: Sendable {
        var names: [String]
        var base: Int
        /// Per cell of the base grouping, the domain it falls in, or -1 (a missing dimension).
        var domainOfCell: [Int32]
        /// Per cell of the finest crossing (when there is one), the domain it falls in, or -1.
        var domainOfFinestCell: [Int32]
        /// The levels of each domain (all combinations, the first dimension varying slowest).
        var levels: [[String]]
    }

    var bases: [Base]
    var requested: [Requested]
    /// Cells over all base groupings.
    var cellCount: Int
    /// The crossing of every dimension used, when it has at most ``finestLimit`` cells: the
    /// counts and squares that need no per-PSU detail are summed once per row into it, rather
    /// than once per base grouping. Without it (many dimensions), they go by base cell.
    var finest: Base?

    static let finestLimit = 4096

    init(dimensions: [CodedDimension], groupings: [[String]]) throws(FrameworkEstimationError) {
        var indexOfName: [String: Int] = [:]
        for (index, dimension) in dimensions.enumerated() { indexOfName[dimension.name] = index }
        var asked: [(names: [String], dimensions: [Int])] = []
        for grouping in groupings {
            var indices: [Int] = []
            for name in grouping {
                guard let index = indexOfName[name] else { throw .unknownDimension(name) }
                indices.append(index)
            }
            asked.append((grouping, indices))
        }
        // Largest groupings first; each either fits in a base already chosen or becomes one.
        var bases: [Base] = []
        var baseOfAsked = [Int](repeating: 0, count: asked.count)
        for index in asked.indices.sorted(by: { asked[$0].dimensions.count > asked[$1].dimensions.count }) {
            let wanted = Set(asked[index].dimensions)
            if let found = bases.firstIndex(where: { wanted.isSubset(of: Set($0.dimensions)) }) {
                baseOfAsked[index] = found
                continue
            }
            let chosen = asked[index].dimensions
            var strides: [Int] = []
            var cells = 1
            for dimension in chosen.reversed() {
                strides.insert(cells, at: 0)
                cells *= dimensions[dimension].labels.count + 1
            }
            let offset = bases.last.map { $0.offset + $0.cellCount } ?? 0
            bases.append(Base(dimensions: chosen, strides: strides, cellCount: cells, offset: offset))
            baseOfAsked[index] = bases.count - 1
        }
        // The finest crossing: every dimension of a base grouping.
        var used: [Int] = []
        for base in bases { for dimension in base.dimensions where !used.contains(dimension) { used.append(dimension) } }
        var finest: Base?
        var finestCells = 1
        var finestStrides: [Int] = []
        for dimension in used.reversed() where finestCells <= Self.finestLimit {
            finestStrides.insert(finestCells, at: 0)
            finestCells *= dimensions[dimension].labels.count + 1
        }
        if finestCells <= Self.finestLimit {
            finest = Base(dimensions: used, strides: finestStrides, cellCount: finestCells, offset: 0)
        }
        var requested: [Requested] = []
        for (index, grouping) in asked.enumerated() {
            let base = bases[baseOfAsked[index]]
            var levels: [[String]] = [[]]
            for dimension in grouping.dimensions {
                levels = levels.flatMap { prefix in dimensions[dimension].labels.map { prefix + [$0] } }
            }
            requested.append(Requested(
                names: grouping.names, base: baseOfAsked[index],
                domainOfCell: Self.domains(of: grouping.dimensions, in: base, dimensions: dimensions),
                domainOfFinestCell: finest.map { Self.domains(of: grouping.dimensions, in: $0, dimensions: dimensions) } ?? [],
                levels: levels))
        }
        self.bases = bases
        self.requested = requested
        self.cellCount = bases.last.map { $0.offset + $0.cellCount } ?? 0
        self.finest = finest
    }

    /// Per cell of `crossing`, the domain of `grouping` (a subset of its dimensions) it falls in,
    /// or -1 where one of the grouping's dimensions is missing.
    private static func domains(of grouping: [Int], in crossing: Base, dimensions: [CodedDimension]) -> [Int32] {
        let sizes = grouping.map { dimensions[$0].labels.count }
        var domainOfCell = [Int32](repeating: -1, count: crossing.cellCount)
        for cell in 0..<crossing.cellCount {
            var domain = 0
            var inside = true
            for (position, dimension) in grouping.enumerated() {
                guard let slotIndex = crossing.dimensions.firstIndex(of: dimension) else { inside = false; break }
                let slot = (cell / crossing.strides[slotIndex]) % (sizes[position] + 1)
                if slot == sizes[position] { inside = false; break }
                domain = domain * sizes[position] + slot
            }
            if inside { domainOfCell[cell] = Int32(domain) }
        }
        return domainOfCell
    }
}
