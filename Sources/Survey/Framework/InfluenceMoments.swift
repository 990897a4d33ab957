/// The second pass of the streaming strategy: per stratum, the sums of the PSU influence totals
/// and of their squares, for every (domain, indicator) of every grouping; memory proportional to
/// strata x domains x indicators, whatever the number of PSUs.
///
/// Used when per-PSU sums would not fit in memory (designs with very many PSUs, such as one row
/// per PSU). Rows are visited PSU by PSU; a PSU's cell sums are kept in a small scratch area
/// and, when the PSU ends, turned into its influence totals with the point estimates of the first
/// pass (``InfluenceForm``), then added to its stratum's sums. The stratum variance then comes
/// from n / (n - 1) (sum of z^2 - (sum of z)^2 / n); influence totals are centred by construction
/// (they add up to zero for means and ratios), so the subtraction loses little precision.
struct InfluenceMoments: Sendable {
    /// Per grouping: (domain, indicator) slots.
    var slotCount: [Int]
    /// Per grouping, per (stratum, slot): sum of the PSU influence totals, and of their squares.
    var sums: [[Double]]
    var squares: [[Double]]
    /// Per grouping, per domain: PSUs with weighted rows in it.
    var weightedPSUs: [[Int]]
    /// Per grouping, per (stratum, domain): whether a PSU of the stratum has weighted rows in it.
    var stratumSeen: [[Bool]]

    /// Adds another range of PSUs' moments.
    mutating func merge(_ other: InfluenceMoments) {
        for grouping in sums.indices {
            for index in sums[grouping].indices {
                sums[grouping][index] += other.sums[grouping][index]
                squares[grouping][index] += other.squares[grouping][index]
            }
            for index in weightedPSUs[grouping].indices { weightedPSUs[grouping][index] += other.weightedPSUs[grouping][index] }
            for index in stratumSeen[grouping].indices where other.stratumSeen[grouping][index] { stratumSeen[grouping][index] = true }
        }
    }

    static func collect(
        design: CodedDesign, columns: DomainSums.Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan,
        forms: [InfluenceForm], layout: ColumnLayout, psus: Range<Int>
    ) -> InfluenceMoments {
        var block = RowBlock(columns: columns, dimensionCodes: dimensionCodes, dimensionSizes: dimensionSizes, plan: plan)
        let lanes = block.lanes
        let cells = plan.cellCount
        let width = layout.width
        let stride = 2 * width
        let baseCount = block.baseCount
        let strata = design.stratumCount
        let domainCounts = plan.requested.map(\.levels.count)
        let slotCounts = forms.map(\.values.count)
        let indicatorCounts = zip(slotCounts, domainCounts).map { $0 / max(1, $1) }
        var moments = InfluenceMoments(
            slotCount: slotCounts,
            sums: slotCounts.map { [Double](repeating: 0, count: strata * $0) },
            squares: slotCounts.map { [Double](repeating: 0, count: strata * $0) },
            weightedPSUs: domainCounts.map { [Int](repeating: 0, count: $0) },
            stratumSeen: domainCounts.map { [Bool](repeating: false, count: strata * $0) })

        // The current PSU's sums per cell, and which cells it touched.
        let zero = DomainSums.Lanes(repeating: 0)
        var cellSums = [DomainSums.Lanes](repeating: zero, count: cells * 2 * lanes)
        var cellWeighted = [Bool](repeating: false, count: cells)
        var cellTouched = [Bool](repeating: false, count: cells)
        var touched: [Int] = []
        // Per grouping, the current PSU's sums per domain.
        var domainSums = domainCounts.map { [Double](repeating: 0, count: $0 * stride) }
        var domainTouched = domainCounts.map { [Bool](repeating: false, count: $0) }
        var domainWeighted = domainCounts.map { [Bool](repeating: false, count: $0) }
        var touchedDomains: [Int] = []

        func finish(psu: Int) {
            let stratum = Int(design.stratumOfPSU[psu])
            for (grouping, requested) in plan.requested.enumerated() {
                let base = plan.bases[requested.base]
                for cell in touched where cell >= base.offset && cell < base.offset + base.cellCount {
                    let domain = Int(requested.domainOfCell[cell - base.offset])
                    if domain < 0 { continue }
                    if !domainTouched[grouping][domain] {
                        domainTouched[grouping][domain] = true
                        touchedDomains.append(domain)
                    }
                    if cellWeighted[cell] { domainWeighted[grouping][domain] = true }
                    for column in 0..<width {
                        domainSums[grouping][domain * stride + column] += DomainSums.scalar(cellSums, item: cell * 2, lanes: lanes, column: column)
                        domainSums[grouping][domain * stride + width + column] += DomainSums.scalar(cellSums, item: cell * 2 + 1, lanes: lanes, column: column)
                    }
                }
                let slots = slotCounts[grouping]
                let indicators = indicatorCounts[grouping]
                let form = forms[grouping]
                domainSums[grouping].withUnsafeBufferPointer { sums in
                    for domain in touchedDomains {
                        for indicator in 0..<indicators {
                            let slot = domain * indicators + indicator
                            let z = form.influence(slot: slot, sums: sums, base: domain * stride)
                            moments.sums[grouping][stratum * slots + slot] += z
                            moments.squares[grouping][stratum * slots + slot] += z * z
                        }
                    }
                }
                for domain in touchedDomains {
                    if domainWeighted[grouping][domain] {
                        moments.weightedPSUs[grouping][domain] += 1
                        moments.stratumSeen[grouping][stratum * domainCounts[grouping] + domain] = true
                    }
                    domainTouched[grouping][domain] = false
                    domainWeighted[grouping][domain] = false
                    for column in 0..<stride { domainSums[grouping][domain * stride + column] = 0 }
                }
                touchedDomains.removeAll(keepingCapacity: true)
            }
            for cell in touched {
                for lane in 0..<(2 * lanes) { cellSums[cell * 2 * lanes + lane] = zero }
                cellWeighted[cell] = false
                cellTouched[cell] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        var position = design.psuStart[psus.lowerBound]
        let endPosition = design.psuStart[psus.upperBound]
        var current = psus.lowerBound
        while position < endPosition {
            let blockEnd = min(endPosition, position + RowBlock.capacity)
            block.load(position..<blockEnd, design: design)
            for index in 0..<block.size {
                let row = block.rowIndex[index]
                let psu = Int(design.psuOfRow[row])
                if psu != current {
                    finish(psu: current)
                    current = psu
                }
                let w = design.weights[row]
                let weight = DomainSums.Lanes(repeating: w)
                for base in 0..<baseCount {
                    let cell = block.cells[index * baseCount + base]
                    if !cellTouched[cell] {
                        cellTouched[cell] = true
                        touched.append(cell)
                    }
                    if w != 0 { cellWeighted[cell] = true }
                }
                block.values.withUnsafeBufferPointer { gathered in
                    cellSums.withUnsafeMutableBufferPointer { sums in
                        for lane in 0..<lanes {
                            let y = RowBlock.lane(gathered, at: (index * lanes + lane) * 4)
                            let has = y .== y
                            let value = zero.replacing(with: y, where: has)
                            let weighted = weight * value
                            let present = zero.replacing(with: weight, where: has)
                            for base in 0..<baseCount {
                                let at = block.cells[index * baseCount + base] * 2 * lanes + lane
                                sums[at] += weighted
                                sums[at + lanes] += present
                            }
                        }
                    }
                }
            }
            position = blockEnd
        }
        if endPosition > design.psuStart[psus.lowerBound] { finish(psu: current) }
        return moments
    }
}
