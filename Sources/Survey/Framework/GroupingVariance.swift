/// The Taylor variance of every (domain, indicator) of one grouping and the design degrees of
/// freedom of each domain.
///
/// The variance is that of R's `svyrecvar` for a one-stage with-replacement design: per stratum,
/// n / (n - 1) times the sum of squared deviations of the PSU influence totals from their mean
/// (PSUs without rows in the domain count, with total 0); a stratum with a single PSU adds its
/// total squared, uncentred, as R's `survey.lonely.psu = "adjust"`. Degrees of freedom are the
/// PSUs with weighted rows in the domain minus their strata (R's `degf` of the domain's design).
struct GroupingVariance: Sendable {
    /// Per (domain, indicator).
    var variances: [Double]
    /// Per domain.
    var degreesOfFreedom: [Int]

    /// From per-PSU sums (the one-pass strategy): PSU totals per domain, then stratum by stratum
    /// two passes over them (mean, then squared deviations).
    init(perPSU sums: [DomainSums], design: CodedDesign, plan: GroupingPlan, requested: GroupingPlan.Requested, form: InfluenceForm, layout: ColumnLayout) {
        let base = plan.bases[requested.base]
        let domainCount = requested.levels.count
        let indicatorCount = form.values.count / max(1, domainCount)
        let width = layout.width
        let stride = 2 * width
        let cells = plan.cellCount
        let psuCount = design.psuCount

        // Per (PSU, domain): sums of w * y and of w, added up from the base cells.
        var psuDomain = [Double](repeating: 0, count: psuCount * domainCount * stride)
        var psuWeighted = [Bool](repeating: false, count: psuCount * domainCount)
        for chunk in sums {
            let lanes = chunk.lanes
            for local in 0..<chunk.psus.count {
                let psu = chunk.psus.lowerBound + local
                for cellIndex in 0..<base.cellCount {
                    let domain = Int(requested.domainOfCell[cellIndex])
                    if domain < 0 { continue }
                    let cell = base.offset + cellIndex
                    let from = (local * cells + cell) * 2
                    let to = (psu * domainCount + domain) * stride
                    for column in 0..<width {
                        psuDomain[to + column] += DomainSums.scalar(chunk.psuSums, item: from, lanes: lanes, column: column)
                        psuDomain[to + width + column] += DomainSums.scalar(chunk.psuSums, item: from + 1, lanes: lanes, column: column)
                    }
                    if chunk.psuWeightedRows[local * cells + cell] > 0 { psuWeighted[psu * domainCount + domain] = true }
                }
            }
        }
        var degreesOfFreedom = [Int](repeating: 0, count: domainCount)
        var stratumSeen = [Bool](repeating: false, count: design.stratumCount * domainCount)
        for psu in 0..<psuCount {
            let stratum = Int(design.stratumOfPSU[psu])
            for domain in 0..<domainCount where psuWeighted[psu * domainCount + domain] {
                degreesOfFreedom[domain] += 1
                if !stratumSeen[stratum * domainCount + domain] {
                    stratumSeen[stratum * domainCount + domain] = true
                    degreesOfFreedom[domain] -= 1
                }
            }
        }
        var psusOfStratum = [[Int]](repeating: [], count: design.stratumCount)
        for psu in 0..<psuCount { psusOfStratum[Int(design.stratumOfPSU[psu])].append(psu) }
        let slots = domainCount * indicatorCount
        var variances = [Double](repeating: 0, count: slots)
        psuDomain.withUnsafeBufferPointer { psuDomain in
            var influence: [Double] = []
            for members in psusOfStratum where !members.isEmpty {
                let count = members.count
                influence = [Double](repeating: 0, count: count * slots)
                for (position, psu) in members.enumerated() {
                    for domain in 0..<domainCount {
                        let sumsBase = (psu * domainCount + domain) * stride
                        for indicator in 0..<indicatorCount {
                            let slot = domain * indicatorCount + indicator
                            influence[position * slots + slot] = form.influence(slot: slot, sums: psuDomain, base: sumsBase)
                        }
                    }
                }
                for slot in 0..<slots {
                    if count == 1 {
                        variances[slot] += influence[slot] * influence[slot]
                        continue
                    }
                    var sum = 0.0
                    for position in 0..<count { sum += influence[position * slots + slot] }
                    let mean = sum / Double(count)
                    var squares = 0.0
                    for position in 0..<count {
                        let deviation = influence[position * slots + slot] - mean
                        squares += deviation * deviation
                    }
                    variances[slot] += Double(count) / Double(count - 1) * squares
                }
            }
        }
        self.variances = variances
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// From per-stratum sums of influence totals and their squares (the streaming strategy).
    init(moments: InfluenceMoments, grouping: Int, design: CodedDesign) {
        let slots = moments.slotCount[grouping]
        var variances = [Double](repeating: 0, count: slots)
        for stratum in 0..<design.stratumCount {
            let count = design.psusInStratum[stratum]
            let sums = moments.sums[grouping]
            let squares = moments.squares[grouping]
            for slot in 0..<slots {
                let sum = sums[stratum * slots + slot]
                let square = squares[stratum * slots + slot]
                if count == 1 {
                    variances[slot] += square
                } else if count > 1 {
                    variances[slot] += Double(count) / Double(count - 1) * max(0, square - sum * sum / Double(count))
                }
            }
        }
        let domainCount = moments.weightedPSUs[grouping].count
        var degreesOfFreedom = moments.weightedPSUs[grouping]
        for stratum in 0..<design.stratumCount {
            for domain in 0..<domainCount where moments.stratumSeen[grouping][stratum * domainCount + domain] {
                degreesOfFreedom[domain] -= 1
            }
        }
        self.variances = variances
        self.degreesOfFreedom = degreesOfFreedom
    }
}
