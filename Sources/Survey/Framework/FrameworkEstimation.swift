import Foundation

/// Every indicator of a framework in every domain of every disaggregation, from one pass over the
/// rows: what a statistical office's indicator table needs, at a million rows in well under a
/// second.
///
/// The pass visits rows PSU by PSU, split into row-balanced ranges of PSUs that run concurrently
/// on every core. Each row adds its weighted values to one cell per base grouping (see
/// ``GroupingPlan``) of its PSU; margins, estimates and Taylor variances then come from those
/// per-PSU sums alone (see ``DomainSums``). Values equal those of ``SurveyDesign``'s one-by-one
/// estimators on the same data up to rounding.
public enum FrameworkEstimation {
    /// Estimates each indicator overall, by each dimension alone, and by each crossing.
    ///
    /// - Parameters:
    ///   - crossings: crossed dimensions, e.g. `[["sex", "disability"]]`.
    /// - Returns: ordered by indicator, then grouping (overall, each dimension in the order given,
    ///   each crossing), then domain (levels in code order, the first dimension varying slowest).
    ///   Domains without rows are left out.
    public static func run(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension], crossings: [[String]] = [],
        interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95
    ) async throws(FrameworkEstimationError) -> [IndicatorDomainEstimate] {
        let groupings = [[]] + dimensions.map { [$0.name] } + crossings
        return try await run(
            design: design, indicators: indicators, dimensions: dimensions, groupings: groupings, interval: interval,
            confidenceLevel: confidenceLevel)
    }

    /// Estimates each indicator in every domain of each grouping (`[]`: overall).
    ///
    /// - Parameters:
    ///   - interval: the interval method; by default logit for proportions, a t interval on the
    ///     domain's design degrees of freedom otherwise.
    public static func run(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension], groupings: [[String]],
        interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95
    ) async throws(FrameworkEstimationError) -> [IndicatorDomainEstimate] {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        try validate(design: design, indicators: indicators, dimensions: dimensions)
        let plan = try GroupingPlan(dimensions: dimensions, groupings: groupings)
        let chunks = psuRanges(design: design)

        // Indicators in batches, so that the per-PSU sums stay within a memory budget.
        let bytesPerColumn = max(1, design.psuCount * plan.cellCount * 2 * MemoryLayout<Double>.stride)
        let columnsPerBatch = max(2, memoryBudget / bytesPerColumn)
        var results = [[IndicatorDomainEstimate]](repeating: [], count: indicators.count)
        var start = 0
        while start < indicators.count {
            var end = start
            var columnCount = 0
            while end < indicators.count, columnCount == 0 || columnCount + width(of: indicators[end]) <= columnsPerBatch {
                columnCount += width(of: indicators[end])
                end += 1
            }
            let batch = Array(indicators[start..<end])
            let sums = await collect(design: design, indicators: batch, dimensions: dimensions, plan: plan, chunks: chunks)
            let estimates = await DomainSumsEstimator(
                design: design, plan: plan, sums: sums, indicators: batch, interval: interval, confidenceLevel: confidenceLevel
            ).estimates()
            for (offset, indicatorResults) in estimates.enumerated() { results[start + offset] = indicatorResults }
            start = end
        }
        return results.flatMap { $0 }
    }

    /// Bytes of per-PSU sums one batch may hold.
    static let memoryBudget = 512 << 20

    static func width(of indicator: CodedIndicator) -> Int {
        indicator.kind == .ratio ? 2 : 1
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

    /// One concurrent pass over the rows for a batch of indicators.
    private static func collect(
        design: CodedDesign, indicators: [CodedIndicator], dimensions: [CodedDimension], plan: GroupingPlan, chunks: [Range<Int>]
    ) async -> [DomainSums] {
        var values: [[Double]] = []
        var partner: [Int] = []
        for indicator in indicators {
            values.append(indicator.values)
            if indicator.kind == .ratio, let denominator = indicator.denominator {
                partner.append(values.count)
                partner.append(values.count - 1)
                values.append(denominator)
            } else {
                partner.append(-1)
            }
        }
        let columns = DomainSums.Columns(values: values, partner: partner)
        let codes = dimensions.map(\.codes)
        let sizes = dimensions.map(\.labels.count)
        return await withTaskGroup(of: DomainSums.self) { group in
            for chunk in chunks {
                group.addTask {
                    DomainSums.collect(
                        design: design, columns: columns, dimensionCodes: codes, dimensionSizes: sizes, plan: plan, psus: chunk)
                }
            }
            var collected: [DomainSums] = []
            for await sums in group { collected.append(sums) }
            return collected.sorted { $0.psus.lowerBound < $1.psus.lowerBound }
        }
    }
}
