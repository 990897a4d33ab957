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
///
/// Everything is kept in flat arrays indexed through per-grouping offsets: with a PSU per row,
/// the end-of-PSU work runs a million times and must not touch nested arrays.
struct InfluenceMoments: Sendable {
    /// Per grouping: (domain, indicator) slots, and where its entries start.
    var slotCount: [Int]
    var slotOffset: [Int]
    var domainCount: [Int]
    var domainOffset: [Int]
    var strata: Int
    /// Per (grouping, stratum, slot) at strata x slotOffset + stratum x slots + slot: the sum of
    /// the PSU influence totals, and of their squares.
    var sums: [Double]
    var squares: [Double]
    /// Per (grouping, domain) at domainOffset + domain: PSUs with weighted rows in it.
    var weightedPSUs: [Int]
    /// Per (grouping, stratum, domain) at strata x domainOffset + stratum x domains + domain:
    /// whether a PSU of the stratum has weighted rows in it.
    var stratumSeen: [Bool]

    init(plan: GroupingPlan, forms: [InfluenceForm], strata: Int) {
        domainCount = plan.requested.map(\.levels.count)
        slotCount = forms.map(\.values.count)
        var slotOffset: [Int] = []
        var domainOffset: [Int] = []
        var slots = 0
        var domains = 0
        for (count, domainsHere) in zip(slotCount, domainCount) {
            slotOffset.append(slots)
            domainOffset.append(domains)
            slots += count
            domains += domainsHere
        }
        self.slotOffset = slotOffset
        self.domainOffset = domainOffset
        self.strata = strata
        sums = [Double](repeating: 0, count: strata * slots)
        squares = [Double](repeating: 0, count: strata * slots)
        weightedPSUs = [Int](repeating: 0, count: domains)
        stratumSeen = [Bool](repeating: false, count: strata * domains)
    }

    /// Adds another range of PSUs' moments.
    mutating func merge(_ other: InfluenceMoments) {
        for index in sums.indices {
            sums[index] += other.sums[index]
            squares[index] += other.squares[index]
        }
        for index in weightedPSUs.indices { weightedPSUs[index] += other.weightedPSUs[index] }
        for index in stratumSeen.indices where other.stratumSeen[index] { stratumSeen[index] = true }
    }

    /// The sum of influence totals and of their squares of `slot` of `grouping` in `stratum`.
    func moments(grouping: Int, stratum: Int, slot: Int) -> (sum: Double, square: Double) {
        let index = strata * slotOffset[grouping] + stratum * slotCount[grouping] + slot
        return (sums[index], squares[index])
    }

    /// Whether PSUs of `stratum` have weighted rows in `domain` of `grouping`.
    func seen(grouping: Int, stratum: Int, domain: Int) -> Bool {
        stratumSeen[strata * domainOffset[grouping] + stratum * domainCount[grouping] + domain]
    }

    static func collect(
        design: CodedDesign, columns: DomainSums.Columns, dimensionCodes: [[Int32]], dimensionSizes: [Int], plan: GroupingPlan,
        forms: [InfluenceForm], layout: ColumnLayout, psus: Range<Int>
    ) -> InfluenceMoments {
        var block = RowBlock(columns: columns, dimensionCodes: dimensionCodes, dimensionSizes: dimensionSizes, plan: plan)
        var moments = InfluenceMoments(plan: plan, forms: forms, strata: design.stratumCount)
        let lanes = block.lanes
        let cells = plan.cellCount
        let width = layout.width
        let stride = 2 * width
        let baseCount = block.baseCount
        let strata = design.stratumCount
        let indicatorCount = forms.first.map { $0.values.count / max(1, plan.requested[0].levels.count) } ?? 0

        // Per base cell: for each grouping read off its base, the domain it falls in (flat:
        // (grouping, domain offset) pairs), so the end of a PSU goes straight from cells to
        // domains.
        var cellGroupingStart = [Int](repeating: 0, count: cells + 1)
        var cellGrouping: [Int] = []
        var cellDomain: [Int] = []
        for cell in 0..<cells {
            for (grouping, requested) in plan.requested.enumerated() {
                let base = plan.bases[requested.base]
                guard cell >= base.offset, cell < base.offset + base.cellCount else { continue }
                let domain = Int(requested.domainOfCell[cell - base.offset])
                if domain < 0 { continue }
                cellGrouping.append(grouping)
                cellDomain.append(domain)
            }
            cellGroupingStart[cell + 1] = cellGrouping.count
        }
        // The influence forms, flat: per (grouping, slot) at slotOffset + slot.
        let numeratorColumn = forms.flatMap(\.numeratorColumn)
        let subtractColumn = forms.flatMap(\.subtractColumn)
        let multiplier = forms.flatMap(\.multiplier)
        let inverseScale = forms.flatMap(\.inverseScale)
        let totalDomains = moments.weightedPSUs.count

        // The current PSU: its sums per cell, which cells and domains it touched.
        let zero = DomainSums.Lanes(repeating: 0)
        var cellSums = [DomainSums.Lanes](repeating: zero, count: cells * 2 * lanes)
        var cellWeighted = [Bool](repeating: false, count: cells)
        var cellTouched = [Bool](repeating: false, count: cells)
        var touched: [Int] = []
        var domainSums = [Double](repeating: 0, count: totalDomains * stride)
        var domainTouched = [Bool](repeating: false, count: totalDomains)
        var domainWeighted = [Bool](repeating: false, count: totalDomains)
        var touchedDomains: [(grouping: Int, domain: Int)] = []

        // Local copies: the moments' arrays are written through pointers below, so the struct
        // itself must not be touched meanwhile.
        let domainOffset = moments.domainOffset
        let domainCount = moments.domainCount
        let slotOffset = moments.slotOffset
        let slotCount = moments.slotCount
        var sumsOfZ = moments.sums
        var squaresOfZ = moments.squares
        var weightedPSUs = moments.weightedPSUs
        var stratumSeen = moments.stratumSeen

        sumsOfZ.withUnsafeMutableBufferPointer { momentSums in
        squaresOfZ.withUnsafeMutableBufferPointer { momentSquares in
        domainSums.withUnsafeMutableBufferPointer { domainSums in
        cellSums.withUnsafeMutableBufferPointer { cellSums in
            /// Turns the current PSU's cell sums into influence totals and adds them to the
            /// stratum's moments, then clears the scratch.
            func finish(psu: Int) {
                let stratum = Int(design.stratumOfPSU[psu])
                for cell in touched {
                    for entry in cellGroupingStart[cell]..<cellGroupingStart[cell + 1] {
                        let grouping = cellGrouping[entry]
                        let domain = cellDomain[entry]
                        let flatDomain = domainOffset[grouping] + domain
                        if !domainTouched[flatDomain] {
                            domainTouched[flatDomain] = true
                            touchedDomains.append((grouping, domain))
                        }
                        if cellWeighted[cell] { domainWeighted[flatDomain] = true }
                        let target = flatDomain * stride
                        let source = cell * 2 * lanes
                        for column in 0..<width {
                            domainSums[target + column] += cellSums[source + column >> 2][column & 3]
                            domainSums[target + width + column] += cellSums[source + lanes + column >> 2][column & 3]
                        }
                    }
                    for lane in 0..<(2 * lanes) { cellSums[cell * 2 * lanes + lane] = zero }
                    cellWeighted[cell] = false
                    cellTouched[cell] = false
                }
                touched.removeAll(keepingCapacity: true)
                for (grouping, domain) in touchedDomains {
                    let flatDomain = domainOffset[grouping] + domain
                    let sumsBase = flatDomain * stride
                    let slotBase = slotOffset[grouping] + domain * indicatorCount
                    let momentBase = strata * slotOffset[grouping] + stratum * slotCount[grouping] + domain * indicatorCount
                    for indicator in 0..<indicatorCount {
                        let slot = slotBase + indicator
                        let z = (domainSums[sumsBase + numeratorColumn[slot]] - multiplier[slot] * domainSums[sumsBase + subtractColumn[slot]])
                            * inverseScale[slot]
                        momentSums[momentBase + indicator] += z
                        momentSquares[momentBase + indicator] += z * z
                    }
                    if domainWeighted[flatDomain] {
                        weightedPSUs[flatDomain] += 1
                        stratumSeen[strata * domainOffset[grouping] + stratum * domainCount[grouping] + domain] = true
                    }
                    domainTouched[flatDomain] = false
                    domainWeighted[flatDomain] = false
                    for column in 0..<stride { domainSums[sumsBase + column] = 0 }
                }
                touchedDomains.removeAll(keepingCapacity: true)
            }

            var position = design.psuStart[psus.lowerBound]
            let endPosition = design.psuStart[psus.upperBound]
            var current = psus.lowerBound
            while position < endPosition {
                let blockEnd = min(endPosition, position + RowBlock.capacity)
                block.load(position..<blockEnd, design: design)
                block.values.withUnsafeBufferPointer { gathered in
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
                        for lane in 0..<lanes {
                            let y = RowBlock.lane(gathered, at: (index * lanes + lane) * 4)
                            let has = y .== y
                            let value = zero.replacing(with: y, where: has)
                            let weighted = weight * value
                            let present = zero.replacing(with: weight, where: has)
                            for base in 0..<baseCount {
                                let at = block.cells[index * baseCount + base] * 2 * lanes + lane
                                cellSums[at] += weighted
                                cellSums[at + lanes] += present
                            }
                        }
                    }
                }
                position = blockEnd
            }
            if endPosition > design.psuStart[psus.lowerBound] { finish(psu: current) }
        }
        }
        }
        }
        moments.sums = sumsOfZ
        moments.squares = squaresOfZ
        moments.weightedPSUs = weightedPSUs
        moments.stratumSeen = stratumSeen
        return moments
    }
}
