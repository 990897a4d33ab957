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

    /// From per-PSU sums (the one-pass strategy): stratum by stratum, two passes over the PSU
    /// influence totals (mean, then squared deviations).
    init(perPSU psuSums: PSUDomainSums, design: CodedDesign, form: InfluenceForm) {
        let domainCount = psuSums.domainCount
        let indicatorCount = form.values.count / max(1, domainCount)
        let stride = psuSums.stride
        let psuCount = design.psuCount
        let psuWeighted = psuSums.weighted
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
        psuSums.sums.withUnsafeBufferPointer { psuDomain in
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
        let domainCount = moments.domainCount[grouping]
        var variances = [Double](repeating: 0, count: slots)
        var degreesOfFreedom = (0..<domainCount).map { moments.weightedPSUs[moments.domainOffset[grouping] + $0] }
        for stratum in 0..<design.stratumCount {
            let count = design.psusInStratum[stratum]
            for slot in 0..<slots {
                let (sum, square) = moments.moments(grouping: grouping, stratum: stratum, slot: slot)
                if count == 1 {
                    variances[slot] += square
                } else if count > 1 {
                    variances[slot] += Double(count) / Double(count - 1) * max(0, square - sum * sum / Double(count))
                }
            }
            for domain in 0..<domainCount where moments.seen(grouping: grouping, stratum: stratum, domain: domain) {
                degreesOfFreedom[domain] -= 1
            }
        }
        self.variances = variances
        self.degreesOfFreedom = degreesOfFreedom
    }
}
