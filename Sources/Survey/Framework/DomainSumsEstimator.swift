/// From the per-PSU sums of one pass (``DomainSums``) to estimates for every indicator and domain
/// of every asked-for grouping: margins by adding cells, the point estimates, and Taylor
/// variances from the PSU totals of influence values, stratum by stratum.
///
/// The work is proportional to PSUs x cells x indicators, not to rows, so it is small next to the
/// pass; groupings run concurrently all the same.
struct DomainSumsEstimator: Sendable {
    var design: CodedDesign
    var plan: GroupingPlan
    /// Sums of all PSUs, in PSU order.
    var sums: [DomainSums]
    var indicators: [CodedIndicator]
    var interval: IntervalMethod?
    var confidenceLevel: Double

    /// Per indicator: its estimates for each grouping in the plan's order, then each domain.
    func estimates() async -> [[IndicatorDomainEstimate]] {
        let perGrouping = await withTaskGroup(of: (Int, [[IndicatorDomainEstimate]]).self) { group in
            for index in plan.requested.indices {
                group.addTask { (index, self.estimates(grouping: index)) }
            }
            var collected = [[[IndicatorDomainEstimate]]](repeating: [], count: plan.requested.count)
            for await (index, estimates) in group { collected[index] = estimates }
            return collected
        }
        return indicators.indices.map { indicator in perGrouping.flatMap { $0[indicator] } }
    }

    /// Per indicator, the estimates of one grouping's domains.
    func estimates(grouping index: Int) -> [[IndicatorDomainEstimate]] {
        let requested = plan.requested[index]
        let base = plan.bases[requested.base]
        let domainCount = requested.levels.count
        let cells = plan.cellCount
        var firstColumn: [Int] = []
        var width = 0
        for indicator in indicators {
            firstColumn.append(width)
            width += FrameworkEstimation.width(of: indicator)
        }
        let stride = 2 * width
        let psuCount = design.psuCount

        // Per (PSU, domain): sums of w * y and of w, added up from the base cells.
        var psuDomain = [Double](repeating: 0, count: psuCount * domainCount * stride)
        var psuWeighted = [Bool](repeating: false, count: psuCount * domainCount)
        var counts = [Double](repeating: 0, count: domainCount * width)
        var squares = [Double](repeating: 0, count: domainCount * width)
        var rows = [Int](repeating: 0, count: domainCount)
        psuDomain.withUnsafeMutableBufferPointer { target in
            for chunk in sums {
                chunk.psuSums.withUnsafeBufferPointer { source in
                    for local in 0..<chunk.psus.count {
                        let psu = chunk.psus.lowerBound + local
                        for cellIndex in 0..<base.cellCount {
                            let domain = Int(requested.domainOfCell[cellIndex])
                            if domain < 0 { continue }
                            let cell = base.offset + cellIndex
                            let from = (local * cells + cell) * 2 * chunk.lanes
                            let to = (psu * domainCount + domain) * stride
                            for column in 0..<width {
                                target[to + column] += source[from + column >> 2][column & 3]
                                target[to + width + column] += source[from + chunk.lanes + column >> 2][column & 3]
                            }
                            if chunk.psuWeightedRows[local * cells + cell] > 0 { psuWeighted[psu * domainCount + domain] = true }
                        }
                    }
                }
            }
        }
        for chunk in sums {
            for cellIndex in 0..<base.cellCount {
                let domain = Int(requested.domainOfCell[cellIndex])
                if domain < 0 { continue }
                let cell = base.offset + cellIndex
                rows[domain] += chunk.rows[cell]
                for column in 0..<width {
                    counts[domain * width + column] += DomainSums.scalar(chunk.counts, item: cell, lanes: chunk.lanes, column: column)
                    squares[domain * width + column] += DomainSums.scalar(chunk.squares, item: cell, lanes: chunk.lanes, column: column)
                }
            }
        }
        // Domain totals of w * y and w.
        var totals = [Double](repeating: 0, count: domainCount * stride)
        for psu in 0..<psuCount {
            for entry in 0..<(domainCount * stride) { totals[entry] += psuDomain[psu * domainCount * stride + entry] }
        }
        // Degrees of freedom: PSUs minus strata among rows with a non-zero weight in the domain.
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
        // Point estimates and the scale of each PSU's influence total: z = (a - value * b) / scale.
        var values = [Double](repeating: .nan, count: domainCount * indicators.count)
        for domain in 0..<domainCount {
            for (indicator, item) in indicators.enumerated() {
                let column = firstColumn[indicator]
                let sumY = totals[domain * stride + column]
                let sumW = totals[domain * stride + width + column]
                switch item.kind {
                case .proportion, .mean:
                    values[domain * indicators.count + indicator] = sumW == 0 ? .nan : sumY / sumW
                case .total:
                    values[domain * indicators.count + indicator] = sumY
                case .ratio:
                    let denominator = totals[domain * stride + column + 1]
                    values[domain * indicators.count + indicator] = denominator == 0 ? .nan : sumY / denominator
                }
            }
        }
        let variances = variances(
            psuDomain: psuDomain, totals: totals, values: values, domainCount: domainCount, width: width, firstColumn: firstColumn)

        var results = [[IndicatorDomainEstimate]](repeating: [], count: indicators.count)
        for (indicator, item) in indicators.enumerated() {
            let column = firstColumn[indicator]
            for domain in 0..<domainCount where rows[domain] > 0 {
                let value = values[domain * indicators.count + indicator]
                let count = Int(counts[domain * width + column])
                let weight = totals[domain * stride + width + column]
                var srsVariance: Double?
                if item.kind != .ratio, count > 1, weight > 0 {
                    let sumY = totals[domain * stride + column]
                    let mean = sumY / weight
                    let spread = max(0, squares[domain * width + column] - 2 * mean * sumY + mean * mean * weight)
                    let s2 = spread / weight * Double(count) / Double(count - 1)
                    let n = Double(count)
                    srsVariance = item.kind == .total ? s2 * weight * weight * (weight - n) / (weight * n) : s2 / n * (weight - n) / weight
                }
                let estimate = Estimate.assembled(
                    value: value, variance: variances[domain * indicators.count + indicator], sampleSize: count,
                    weightedSize: weight, srsVariance: srsVariance, degreesOfFreedom: degreesOfFreedom[domain],
                    rows: rows[domain], isProportion: item.kind == .proportion,
                    interval: interval ?? (item.kind == .proportion ? .logit : .wald), confidenceLevel: confidenceLevel,
                    designNotes: design.notes)
                results[indicator].append(IndicatorDomainEstimate(
                    indicator: item.name, kind: item.kind, dimensions: requested.names, levels: requested.levels[domain],
                    estimate: estimate))
            }
        }
        return results
    }

    /// Per (domain, indicator): the with-replacement variance of the total of influence values,
    /// sum over strata of n / (n - 1) * sum of squared deviations of PSU totals from the stratum
    /// mean; a stratum with one PSU adds its total squared, uncentred (R's lonely PSU "adjust").
    private func variances(
        psuDomain: [Double], totals: [Double], values: [Double], domainCount: Int, width: Int, firstColumn: [Int]
    ) -> [Double] {
        let stride = 2 * width
        let indicatorCount = indicators.count
        // PSUs of each stratum.
        var psusOfStratum = [[Int]](repeating: [], count: design.stratumCount)
        for psu in 0..<design.psuCount { psusOfStratum[Int(design.stratumOfPSU[psu])].append(psu) }
        // Per (domain, indicator): z = (a - value * b) / scale with a, b read from columns.
        var numeratorColumn = [Int](repeating: 0, count: domainCount * indicatorCount)
        var subtractColumn = [Int](repeating: 0, count: domainCount * indicatorCount)
        var multiplier = [Double](repeating: 0, count: domainCount * indicatorCount)
        var inverseScale = [Double](repeating: 0, count: domainCount * indicatorCount)
        for domain in 0..<domainCount {
            for (indicator, item) in indicators.enumerated() {
                let slot = domain * indicatorCount + indicator
                let column = firstColumn[indicator]
                numeratorColumn[slot] = column
                let value = values[slot]
                switch item.kind {
                case .proportion, .mean:
                    let weight = totals[domain * stride + width + column]
                    subtractColumn[slot] = width + column
                    multiplier[slot] = weight == 0 ? 0 : value
                    inverseScale[slot] = weight == 0 ? 0 : 1 / weight
                case .total:
                    subtractColumn[slot] = width + column
                    multiplier[slot] = 0
                    inverseScale[slot] = 1
                case .ratio:
                    let denominator = totals[domain * stride + column + 1]
                    subtractColumn[slot] = column + 1
                    multiplier[slot] = denominator == 0 ? 0 : value
                    inverseScale[slot] = denominator == 0 ? 0 : 1 / denominator
                }
            }
        }
        var variances = [Double](repeating: 0, count: domainCount * indicatorCount)
        let slots = domainCount * indicatorCount
        var influence = [Double](repeating: 0, count: 0)
        for members in psusOfStratum where !members.isEmpty {
            let count = members.count
            influence = [Double](repeating: 0, count: count * slots)
            for (position, psu) in members.enumerated() {
                for domain in 0..<domainCount {
                    let sumsBase = (psu * domainCount + domain) * stride
                    for indicator in 0..<indicatorCount {
                        let slot = domain * indicatorCount + indicator
                        let a = psuDomain[sumsBase + numeratorColumn[slot]]
                        let b = psuDomain[sumsBase + subtractColumn[slot]]
                        influence[position * slots + slot] = (a - multiplier[slot] * b) * inverseScale[slot]
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
        return variances
    }
}
