/// From the sums of the passes to estimates for every indicator and domain of every asked-for
/// grouping: margins by adding cells (``DomainTotals``), point estimates (``InfluenceForm``),
/// Taylor variances (``GroupingVariance``), then intervals, design effects and notes.
///
/// The work is proportional to PSUs x cells x indicators, not to rows, so it is small next to the
/// pass; groupings run concurrently all the same.
struct DomainSumsEstimator: Sendable {
    var design: CodedDesign
    var plan: GroupingPlan
    var indicators: [CodedIndicator]
    var layout: ColumnLayout
    var interval: IntervalMethod?
    var confidenceLevel: Double

    /// Per indicator: its estimates for each grouping in the plan's order, then each domain,
    /// from per-PSU sums.
    func estimates(perPSU sums: [DomainSums]) async -> [[IndicatorDomainEstimate]] {
        await byGrouping { index in
            let requested = plan.requested[index]
            let psuSums = PSUDomainSums(sums: sums, design: design, plan: plan, requested: requested, width: layout.width)
            let totals = DomainTotals(sums: sums, plan: plan, requested: requested, width: layout.width, unitTotals: psuSums.totals)
            let form = InfluenceForm(totals: totals, indicators: indicators, layout: layout)
            let variance = GroupingVariance(perPSU: psuSums, design: design, form: form)
            return assemble(grouping: index, totals: totals, form: form, variance: variance)
        }
    }

    /// The point estimates of each grouping from pooled sums (the streaming strategy's first pass).
    func forms(pooled sums: [DomainSums]) -> (totals: [DomainTotals], forms: [InfluenceForm]) {
        let totals = plan.requested.map { DomainTotals(sums: sums, plan: plan, requested: $0, width: layout.width) }
        return (totals, totals.map { InfluenceForm(totals: $0, indicators: indicators, layout: layout) })
    }

    /// Estimates from the streaming strategy's two passes.
    func estimates(totals: [DomainTotals], forms: [InfluenceForm], moments: InfluenceMoments) async -> [[IndicatorDomainEstimate]] {
        await byGrouping { index in
            let variance = GroupingVariance(moments: moments, grouping: index, design: design)
            return assemble(grouping: index, totals: totals[index], form: forms[index], variance: variance)
        }
    }

    /// Runs `work` for each grouping concurrently; returns, per indicator, the groupings' results
    /// in order.
    private func byGrouping(
        _ work: @escaping @Sendable (Int) -> [[IndicatorDomainEstimate]]
    ) async -> [[IndicatorDomainEstimate]] {
        let count = plan.requested.count
        let perGrouping = await withTaskGroup(of: (Int, [[IndicatorDomainEstimate]]).self) { group in
            for index in 0..<count {
                group.addTask { (index, work(index)) }
            }
            var collected = [[[IndicatorDomainEstimate]]](repeating: [], count: count)
            for await (index, estimates) in group { collected[index] = estimates }
            return collected
        }
        return indicators.indices.map { indicator in perGrouping.flatMap { $0[indicator] } }
    }

    /// Per indicator, the estimates of one grouping's domains (those with rows).
    func assemble(grouping index: Int, totals: DomainTotals, form: InfluenceForm, variance: GroupingVariance) -> [[IndicatorDomainEstimate]] {
        let requested = plan.requested[index]
        let width = layout.width
        let stride = 2 * width
        var results = [[IndicatorDomainEstimate]](repeating: [], count: indicators.count)
        for (indicator, item) in indicators.enumerated() {
            let column = layout.firstColumn[indicator]
            for domain in 0..<totals.domainCount where totals.rows[domain] > 0 {
                let slot = domain * indicators.count + indicator
                let count = Int(totals.counts[domain * width + column])
                let weight = totals.totals[domain * stride + width + column]
                var srsVariance: Double?
                if item.kind != .ratio, count > 1, weight > 0 {
                    // The weighted variance of y (R's svyvar), then that of a simple random
                    // sample's mean or total of the same size.
                    let sumY = totals.totals[domain * stride + column]
                    let mean = sumY / weight
                    let spread = max(0, totals.squares[domain * width + column] - 2 * mean * sumY + mean * mean * weight)
                    let s2 = spread / weight * Double(count) / Double(count - 1)
                    let n = Double(count)
                    srsVariance = item.kind == .total ? s2 * weight * weight * (weight - n) / (weight * n) : s2 / n * (weight - n) / weight
                }
                let estimate = Estimate.assembled(
                    value: form.values[slot], variance: variance.variances[slot], sampleSize: count, weightedSize: weight,
                    srsVariance: srsVariance, degreesOfFreedom: variance.degreesOfFreedom[domain], rows: totals.rows[domain],
                    isProportion: item.kind == .proportion, interval: interval ?? (item.kind == .proportion ? .logit : .wald),
                    confidenceLevel: confidenceLevel, designNotes: design.notes)
                results[indicator].append(IndicatorDomainEstimate(
                    indicator: item.name, kind: item.kind, dimensions: requested.names, levels: requested.levels[domain],
                    estimate: estimate))
            }
        }
        return results
    }
}
