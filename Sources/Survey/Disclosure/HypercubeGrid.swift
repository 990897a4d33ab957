/// Mixed-radix numbering of the cells of a hypercube whose dimension `d` has `sizes[d]` slots,
/// the last slot being the total. The last dimension varies fastest.
struct HypercubeGrid: Sendable, Hashable {
    let sizes: [Int]
    let strides: [Int]

    init(sizes: [Int]) {
        self.sizes = sizes
        var strides = [Int](repeating: 1, count: sizes.count)
        var stride = 1
        for dimension in sizes.indices.reversed() {
            strides[dimension] = stride
            stride *= sizes[dimension]
        }
        self.strides = strides
    }

    func index(of position: [Int]) -> Int {
        zip(position, strides).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func position(of index: Int) -> [Int] {
        zip(sizes, strides).map { size, stride in (index / stride) % size }
    }

    func level(of index: Int, in dimension: Int) -> Int {
        (index / strides[dimension]) % sizes[dimension]
    }

    func isTotal(_ index: Int, in dimension: Int) -> Bool {
        level(of: index, in: dimension) == sizes[dimension] - 1
    }

    func isInterior(_ index: Int) -> Bool {
        !sizes.indices.contains { isTotal(index, in: $0) }
    }

    /// The cells that a total over `dimension` adds up: same coordinates, each level of `dimension`.
    func parts(of index: Int, in dimension: Int) -> [Int] {
        let base = index - level(of: index, in: dimension) * strides[dimension]
        return (0..<(sizes[dimension] - 1)).map { base + $0 * strides[dimension] }
    }
}
