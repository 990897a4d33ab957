/// One grouping's sums per (PSU, domain), added up from the per-PSU cell sums of the one-pass
/// strategy: the PSU totals the variance is computed from, and (added over PSUs) the domain totals
/// of the point estimates. Computed once per grouping and used for both.
struct PSUDomainSums: Sendable {
    var psuCount: Int
    var domainCount: Int
    /// Sums per (PSU, domain): 2 x columns.
    var stride: Int
    /// Per (PSU, domain): the sums of w * y of each column, then the sums of w over rows with a
    /// value.
    var sums: [Double]
    /// Per (PSU, domain): whether the PSU has rows with a non-zero weight in the domain.
    var weighted: [Bool]

    init(sums chunks: [DomainSums], design: CodedDesign, plan: GroupingPlan, requested: GroupingPlan.Requested, width: Int) {
        let base = plan.bases[requested.base]
        let domainCount = requested.levels.count
        let stride = 2 * width
        let cells = plan.cellCount
        var sums = [Double](repeating: 0, count: design.psuCount * domainCount * stride)
        var weighted = [Bool](repeating: false, count: design.psuCount * domainCount)
        // The base cells that fall in a domain, with their domain.
        let mapped = (0..<base.cellCount).compactMap { index -> (cell: Int, domain: Int)? in
            let domain = Int(requested.domainOfCell[index])
            return domain < 0 ? nil : (base.offset + index, domain)
        }
        sums.withUnsafeMutableBufferPointer { target in
            for chunk in chunks {
                let lanes = chunk.lanes
                chunk.psuSums.withUnsafeBufferPointer { vectors in
                    for local in 0..<chunk.psus.count {
                        let psu = chunk.psus.lowerBound + local
                        for (cell, domain) in mapped {
                            let from = (local * cells + cell) * 2 * lanes
                            let to = (psu * domainCount + domain) * stride
                            for column in 0..<width {
                                target[to + column] += vectors[from + column >> 2][column & 3]
                                target[to + width + column] += vectors[from + lanes + column >> 2][column & 3]
                            }
                            if chunk.psuWeightedRows[local * cells + cell] > 0 { weighted[psu * domainCount + domain] = true }
                        }
                    }
                }
            }
        }
        self.psuCount = design.psuCount
        self.domainCount = domainCount
        self.stride = stride
        self.sums = sums
        self.weighted = weighted
    }

    /// Per (domain, 2 x columns): the sums over all PSUs.
    var totals: [Double] {
        let entries = domainCount * stride
        var totals = [Double](repeating: 0, count: entries)
        sums.withUnsafeBufferPointer { sums in
            for psu in 0..<psuCount {
                let base = psu * entries
                for entry in 0..<entries { totals[entry] += sums[base + entry] }
            }
        }
        return totals
    }
}
