import Foundation

/// Every indicator of a framework in every domain of every disaggregation, from one pass over the
/// rows: what a statistical office's indicator table needs, at a million rows in well under a
/// second.
///
/// The pass visits rows PSU by PSU, split into row-balanced ranges of PSUs that run concurrently
/// on every core. Each row adds its weighted values to one cell per base grouping (see
/// ``GroupingPlan``) of its PSU; margins, estimates and Taylor variances then come from those
/// per-PSU sums alone (see ``DomainSums``). When per-PSU sums would take too much memory (very
/// many PSUs), a first pass pools them for the point estimates and a second accumulates the PSU
/// influence totals per stratum (``InfluenceMoments``).
///
/// Values equal those of ``SurveyDesign``'s one-by-one estimators on the same data up to rounding,
/// and R survey's `svymean`/`svytotal`/`svyratio` by `svyby` (one-stage designs sampled with
/// replacement; lonely PSUs as `survey.lonely.psu = "adjust"`).
public enum FrameworkEstimation {
    /// Estimates each indicator overall, by each dimension alone, and by each crossing.
    ///
    /// - Parameters:
    ///   - crossings: crossed dimensions, e.g. `[["sex", "disability"]]`.
    ///   - interval, confidenceLevel, memoryBudget: as in
    ///     ``run(design:indicators:dimensions:groupings:interval:confidenceLevel:memoryBudget:)``.
    /// - Returns: ordered by indicator, then grouping (overall, each dimension in the order given,
    ///   each crossing), then domain (levels in code order, the first dimension varying slowest).
    ///   Domains without rows are left out.
    public static func run(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension], crossings: [[String]] = [],
        interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95, memoryBudget: Int = 512 << 20
    ) async throws(FrameworkEstimationError) -> [IndicatorDomainEstimate] {
        let groupings = [[]] + dimensions.map { [$0.name] } + crossings
        return try await run(
            design: design, indicators: indicators, dimensions: dimensions, groupings: groupings, interval: interval,
            confidenceLevel: confidenceLevel, memoryBudget: memoryBudget)
    }

    /// Estimates each indicator in every domain of each grouping (`[]`: overall).
    ///
    /// - Parameters:
    ///   - interval: the interval method; by default logit for proportions, a t interval on the
    ///     domain's design degrees of freedom otherwise.
    ///   - memoryBudget: bytes the per-PSU sums may take (PSUs x cells x 2 x indicators x 8).
    ///     Within it, one pass over the rows suffices; beyond it (very many PSUs, such as one row
    ///     per PSU), a second pass replaces the per-PSU sums by per-stratum sums of influence
    ///     totals, which need little memory.
    public static func run(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension], groupings: [[String]],
        interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95, memoryBudget: Int = 512 << 20
    ) async throws(FrameworkEstimationError) -> [IndicatorDomainEstimate] {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        try validate(design: design, indicators: indicators, dimensions: dimensions)
        let plan = try GroupingPlan(dimensions: dimensions, groupings: groupings)
        let chunks = psuRanges(design: design)
        let layout = ColumnLayout(indicators)
        let columns = ColumnLayout.columns(of: indicators)
        let codes = dimensions.map(\.codes)
        let sizes = dimensions.map(\.labels.count)
        let estimator = DomainSumsEstimator(
            design: design, plan: plan, indicators: indicators, layout: layout, interval: interval, confidenceLevel: confidenceLevel)
        let perPSUBytes = design.psuCount * plan.cellCount * 2 * layout.lanes * MemoryLayout<DomainSums.Lanes>.stride

        let results: [[IndicatorDomainEstimate]]
        if perPSUBytes <= memoryBudget {
            let sums = await concurrently(chunks) { chunk in
                DomainSums.collect(design: design, columns: columns, dimensionCodes: codes, dimensionSizes: sizes, plan: plan, psus: chunk)
            }
            results = await estimator.estimates(perPSU: sums)
        } else {
            let pooled = await concurrently(chunks) { chunk in
                DomainSums.collect(
                    design: design, columns: columns, dimensionCodes: codes, dimensionSizes: sizes, plan: plan, psus: chunk, pooled: true)
            }
            let (totals, forms) = estimator.forms(pooled: pooled)
            let parts = await concurrently(chunks) { chunk in
                InfluenceMoments.collect(
                    design: design, columns: columns, dimensionCodes: codes, dimensionSizes: sizes, plan: plan, forms: forms,
                    layout: layout, psus: chunk)
            }
            var moments = parts[0]
            for part in parts.dropFirst() { moments.merge(part) }
            results = await estimator.estimates(totals: totals, forms: forms, moments: moments)
        }
        return results.flatMap { $0 }
    }

    private static func validate(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension]
    ) throws(FrameworkEstimationError) {
        let rows = design.rowCount
        for indicator in indicators {
            if indicator.values.count != rows { throw .lengthMismatch(column: indicator.name, rows: indicator.values.count, expected: rows) }
            if indicator.kind == .ratio {
                guard let denominator = indicator.denominator else { throw .ratioWithoutDenominator(indicator: indicator.name) }
                if denominator.count != rows { throw .lengthMismatch(column: indicator.name, rows: denominator.count, expected: rows) }
            }
        }
        for dimension in dimensions {
            if dimension.codes.count != rows { throw .lengthMismatch(column: dimension.name, rows: dimension.codes.count, expected: rows) }
            let size = Int32(clamping: dimension.labels.count)
            for (row, code) in dimension.codes.enumerated() where code >= size {
                throw .codeWithoutLabel(dimension: dimension.name, row: row + 1, code: code)
            }
        }
    }

    /// Ranges of PSUs with about equal numbers of rows, a few per core so that a core slowed by
    /// other work does not hold up the rest.
    static func psuRanges(design: CodedDesign) -> [Range<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let wanted = max(1, min(design.psuCount, 4 * cores))
        let rowsPerRange = max(1, (design.rowCount + wanted - 1) / wanted)
        var ranges: [Range<Int>] = []
        var lower = 0
        while lower < design.psuCount {
            var upper = lower + 1
            while upper < design.psuCount, design.psuStart[upper] - design.psuStart[lower] < rowsPerRange { upper += 1 }
            ranges.append(lower..<upper)
            lower = upper
        }
        return ranges
    }

    /// `work` on each range of PSUs, concurrently; results in the order of `chunks`.
    private static func concurrently<Result: Sendable>(
        _ chunks: [Range<Int>], _ work: @escaping @Sendable (Range<Int>) -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, work(chunk)) }
            }
            var collected: [(Int, Result)] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
