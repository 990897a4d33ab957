/// One grouping's sums per domain, added up from the cells of its base grouping: what the point
/// estimates, the unweighted n and the design effects need.
struct DomainTotals: Sendable {
    var domainCount: Int
    /// Per (domain, 2 x width): sums of w * y per column, then sums of w over rows with a value.
    var totals: [Double]
    /// Per (domain, column): rows with a value and a positive weight.
    var counts: [Double]
    /// Per (domain, column): sums of w * y^2.
    var squares: [Double]
    /// Per domain: rows.
    var rows: [Int]

    /// Adds up `sums` (per-PSU or pooled) into the domains of `requested`.
    ///
    /// - Parameter unitTotals: the sums of w * y and w per domain when already added up
    ///   (``PSUDomainSums/totals``); nil: add them up from `sums`.
    init(sums: [DomainSums], plan: GroupingPlan, requested: GroupingPlan.Requested, width: Int, unitTotals: [Double]? = nil) {
        let base = plan.bases[requested.base]
        let domainCount = requested.levels.count
        let stride = 2 * width
        var totals = [Double](repeating: 0, count: domainCount * stride)
        var counts = [Double](repeating: 0, count: domainCount * width)
        var squares = [Double](repeating: 0, count: domainCount * width)
        var rows = [Int](repeating: 0, count: domainCount)
        for chunk in sums {
            let lanes = chunk.lanes
            let units = unitTotals == nil ? chunk.psuSums.count / max(1, plan.cellCount * 2 * lanes) : 0
            // Counts, squares and rows: by finest cell, or by base cell.
            let finest = plan.finest != nil
            let countCells = finest ? requested.domainOfFinestCell.count : base.cellCount
            for countCell in 0..<countCells {
                let domain = Int(finest ? requested.domainOfFinestCell[countCell] : requested.domainOfCell[countCell])
                if domain < 0 { continue }
                let cell = finest ? countCell : base.offset + countCell
                rows[domain] += chunk.rows[cell]
                for column in 0..<width {
                    counts[domain * width + column] += DomainSums.scalar(chunk.counts, item: cell, lanes: lanes, column: column)
                    squares[domain * width + column] += DomainSums.scalar(chunk.squares, item: cell, lanes: lanes, column: column)
                }
            }
            for cellIndex in 0..<base.cellCount {
                let domain = Int(requested.domainOfCell[cellIndex])
                if domain < 0 { continue }
                let cell = base.offset + cellIndex
                for unit in 0..<units {
                    let from = (unit * plan.cellCount + cell) * 2
                    for column in 0..<width {
                        totals[domain * stride + column] += DomainSums.scalar(chunk.psuSums, item: from, lanes: lanes, column: column)
                        totals[domain * stride + width + column] += DomainSums.scalar(chunk.psuSums, item: from + 1, lanes: lanes, column: column)
                    }
                }
            }
        }
        self.domainCount = domainCount
        self.totals = unitTotals ?? totals
        self.counts = counts
        self.squares = squares
        self.rows = rows
    }
}
