/// Decides exactly which hidden cells an intruder can pin to a single value by combining all the
/// relations with the bounds they know (non-negativity, the suppression marks), using
/// `ExactSimplex`. This is the linear-programming form of the interval attack.
///
/// Over real numbers this is exact. Counts are whole numbers; for one- and two-way tables the
/// relations are totally unimodular, so the extreme values are whole numbers too and the answer is
/// exact for counts as well. For three or more dimensions an intruder using integrality could in
/// rare cases pin a cell this check considers free.
enum ExactBoundsCheck {
    /// The cells of `candidates` whose minimum and maximum feasible values coincide; nil when the
    /// check could not be completed (arithmetic overflow or a self-contradictory view), in which
    /// case the caller must assume the worst.
    static func pinnedCells(
        view: [PublishedCount], relations: [AdditiveRelation], hidden: [Int],
        ranges: [FeasibleRange], candidates: Set<Int>
    ) -> Set<Int>? {
        guard !candidates.isEmpty else { return [] }
        var column = [Int: Int]()
        for (position, cell) in hidden.enumerated() { column[cell] = position }
        var equations = [[Int]]()
        var rhs = [Int]()
        for relation in relations {
            var equation = [Int](repeating: 0, count: hidden.count)
            var known = 0
            var mentionsHidden = false
            for (cell, coefficient) in [(relation.total, 1)] + relation.parts.map({ ($0, -1) }) {
                if let position = column[cell] {
                    equation[position] += coefficient
                    mentionsHidden = true
                } else if let value = view[cell].shownValue {
                    known += coefficient * value
                }
            }
            if mentionsHidden {
                equations.append(equation)
                rhs.append(-known)
            }
        }

        do {
            var simplex = try ExactSimplex(
                equations: equations, rhs: rhs,
                lower: hidden.map { ranges[$0].lower }, upper: hidden.map { ranges[$0].upper })
            var smallest = try simplex.values()
            var largest = smallest
            func record(_ point: [ExactFraction]) {
                for index in point.indices {
                    if point[index] < smallest[index] { smallest[index] = point[index] }
                    if largest[index] < point[index] { largest[index] = point[index] }
                }
            }
            var pinned = Set<Int>()
            // Every vertex visited is a possible table; a cell seen with two values is free.
            for (position, cell) in hidden.enumerated() where candidates.contains(cell) {
                guard smallest[position] == largest[position] else { continue }
                let maximum = try simplex.maximise(unknown: position, direction: 1)
                record(try simplex.values())
                // Unbounded above: certainly more than one value.
                guard maximum != nil, smallest[position] == largest[position] else { continue }
                let negatedMinimum = try simplex.maximise(unknown: position, direction: -1)
                record(try simplex.values())
                if negatedMinimum != nil, smallest[position] == largest[position] { pinned.insert(cell) }
            }
            return pinned
        } catch {
            return nil
        }
    }
}
