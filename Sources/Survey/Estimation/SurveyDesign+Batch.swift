import Foundation

/// The estimates of one indicator for every domain of one grouping (an empty grouping: the whole
/// population, as a single domain).
public struct IndicatorEstimates: Sendable, Hashable, Codable {
    /// The (first) column the statistic reads.
    public var indicator: String
    public var statistic: Statistic
    public var grouping: [String]
    public var estimates: DomainEstimates
}

/// Many indicators by many groupings at once: what a framework of indicators needs. Indicators
/// are split among concurrent tasks; each task makes two passes over the rows (domain means, then
/// per-unit totals of influence values) into flat arrays, then computes the design covariance
/// within each grouping. The design's row-to-unit and row-to-domain indices are computed once.
extension SurveyDesign {
    /// The mean (for a 0/1 indicator: the proportion) of each numeric column in `indicators`, in
    /// every domain of each grouping in `groupings` (`[]`: overall; `["region", "sex"]`: crossed),
    /// with covariances within each grouping. Results are ordered by indicator, then grouping.
    /// Values equal those of ``estimates(_:by:interval:confidenceLevel:)`` one by one.
    public func estimateMany(
        indicators: [String], groupings: [[String]], interval: IntervalMethod = .wald, confidenceLevel: Double = 0.95
    ) async throws(EstimationError) -> [IndicatorEstimates] {
        try await estimateMany(indicators.map { .mean($0) }, groupings: groupings, interval: interval, confidenceLevel: confidenceLevel)
    }

    /// Each statistic (means, proportions, totals, ratios) in every domain of each grouping, with
    /// covariances within each grouping; ordered by statistic, then grouping.
    ///
    /// - Parameter interval: the interval method; by default logit for proportions and a t
    ///   interval otherwise, as ``estimate(_:in:interval:confidenceLevel:)``.
    public func estimateMany(
        _ statistics: [Statistic], groupings: [[String]], interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95
    ) async throws(EstimationError) -> [IndicatorEstimates] {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        var values: [BatchColumn] = []
        for statistic in statistics {
            let columns = try columns(for: statistic)
            var numerators = columns.values.map { $0 ?? .nan }
            let denominators = columns.denominators.map { column in column.map { $0 ?? .nan } }
            if let denominators {
                // A ratio leaves out rows missing either column.
                for row in numerators.indices where denominators[row].isNaN { numerators[row] = .nan }
            }
            values.append(BatchColumn(
                statistic: statistic, kind: columns.kind, values: numerators, denominators: denominators,
                interval: interval ?? Self.defaultInterval(for: statistic)))
        }
        let indicators = statistics
        var layouts: [GroupingLayout] = []
        for grouping in groupings {
            let domains = try domainsOfRows(grouping)
            let domainOfRow = domains.domainOfRow.map { Int32($0 ?? -1) }
            let (df, rowsInDomain) = domainDegreesOfFreedom(domainOfRow: domainOfRow, domainCount: domains.levels.count)
            layouts.append(GroupingLayout(
                dimensions: grouping, levels: domains.levels, domainOfRow: domainOfRow, degreesOfFreedom: df,
                rowsInDomain: rowsInDomain))
        }
        // Split indicators so that each task's unit totals stay within a memory budget.
        let columnsPerIndicator = max(1, layouts.reduce(0) { $0 + $1.levels.count })
        let units = finestVarianceStage.unitCount
        let budget = 16_000_000
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let balanced = (indicators.count + 2 * cores - 1) / (2 * cores)
        let perTask = max(1, min(balanced, budget / max(1, units * columnsPerIndicator)))
        let design = self
        let layoutsCopy = layouts
        let results = await withTaskGroup(of: (Int, [IndicatorEstimates]).self) { group in
            var start = 0
            while start < indicators.count {
                let range = start..<min(indicators.count, start + perTask)
                let columns = Array(values[range])
                group.addTask {
                    (range.lowerBound, design.estimateBatch(columns, layouts: layoutsCopy, confidenceLevel: confidenceLevel))
                }
                start = range.upperBound
            }
            var collected: [(Int, [IndicatorEstimates])] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        return results
    }

    /// Degrees of freedom (PSUs minus strata among rows with weight) and row count of each domain,
    /// in one pass.
    func domainDegreesOfFreedom(domainOfRow: [Int32], domainCount: Int) -> (degreesOfFreedom: [Int], rows: [Int]) {
        let stage = stages[0]
        var units = Array(repeating: 0, count: domainCount)
        var rows = Array(repeating: 0, count: domainCount)
        var unitsInDomain: [[Int]] = Array(repeating: [], count: domainCount)
        // A unit can hold several domains; mark (domain, unit) pairs with a per-domain list.
        var marked = [Bool](repeating: false, count: stage.unitCount * max(1, domainCount))
        for row in 0..<rowCount {
            let domain = Int(domainOfRow[row])
            if domain < 0 { continue }
            rows[domain] += 1
            guard weights[row] != 0 else { continue }
            let unit = stage.unitOfRow[row]
            let slot = unit * domainCount + domain
            if !marked[slot] {
                marked[slot] = true
                units[domain] += 1
                unitsInDomain[domain].append(unit)
            }
        }
        var df = Array(repeating: 0, count: domainCount)
        var seenGroup = [Int](repeating: -1, count: stage.groupCount)
        for domain in 0..<domainCount {
            var groups = 0
            for unit in unitsInDomain[domain] {
                let group = stage.groupOfUnit[unit]
                if seenGroup[group] != domain {
                    seenGroup[group] = domain
                    groups += 1
                }
            }
            df[domain] = units[domain] - groups
        }
        return (df, rows)
    }

    /// One grouping's domains, coded once for all indicators.
    struct GroupingLayout: Sendable {
        var dimensions: [String]
        var levels: [[String]]
        var domainOfRow: [Int32]
        var degreesOfFreedom: [Int]
        var rowsInDomain: [Int]
    }

    /// One statistic's columns, read once for every grouping: values (NaN where missing, and for
    /// a ratio where the denominator is missing) and a ratio's denominators.
    struct BatchColumn: Sendable {
        var statistic: Statistic
        var kind: StatisticColumns.Kind
        var values: [Double]
        var denominators: [Double]?
        var interval: IntervalMethod
    }

    /// Estimates for a few statistics (one task's share).
    ///
    /// Each statistic is the ratio of sums of w * y and w * x in a domain (x = 1 for a mean; a
    /// total has no denominator), with influence values w * (y - value * x) / sum(w * x), or
    /// w * y for a total.
    func estimateBatch(_ columns: [BatchColumn], layouts: [GroupingLayout], confidenceLevel: Double) -> [IndicatorEstimates] {
        var offsets: [[Int]] = []
        var columnCount = 0
        for _ in columns.indices {
            offsets.append(layouts.map { layout in
                defer { columnCount += layout.levels.count }
                return columnCount
            })
        }
        // Flat layout: offset of (indicator, grouping) and each grouping's domain of each row.
        let groupingCount = layouts.count
        let flatOffsets = offsets.flatMap { $0 }
        let domainColumns = layouts.map(\.domainOfRow)
        // Contiguous copies for the passes: indicator-major values, grouping-major domains.
        let rows = rowCount
        let indicatorCount = columns.count
        let flatValues = columns.flatMap(\.values)
        let denominatorOffsets: [Int] = {
            var next = 0
            return columns.map { column in
                guard column.denominators != nil else { return -1 }
                defer { next += rows }
                return next
            }
        }()
        let flatDenominators = columns.flatMap { $0.denominators ?? [] }
        let flatDomains = domainColumns.flatMap { $0 }
        let rowWeights = weights
        let stage = finestVarianceStage
        let unitOfRow = stage.unitOfRow
        // Pass 1: weighted sums per column.
        var weightSum = Array(repeating: 0.0, count: columnCount)
        var valueSum = Array(repeating: 0.0, count: columnCount)
        var squareSum = Array(repeating: 0.0, count: columnCount)
        var denominatorSum = Array(repeating: 0.0, count: columnCount)
        var counts = Array(repeating: 0, count: columnCount)
        flatDenominators.withUnsafeBufferPointer { x in
        flatValues.withUnsafeBufferPointer { y in
            flatDomains.withUnsafeBufferPointer { domains in
                rowWeights.withUnsafeBufferPointer { w in
                    flatOffsets.withUnsafeBufferPointer { offsets in
                        weightSum.withUnsafeMutableBufferPointer { weightSum in
                            valueSum.withUnsafeMutableBufferPointer { valueSum in
                                squareSum.withUnsafeMutableBufferPointer { squareSum in
                                    counts.withUnsafeMutableBufferPointer { counts in
                                        for indicator in 0..<indicatorCount {
                                            let valueBase = indicator * rows
                                            let denominatorBase = denominatorOffsets[indicator]
                                            for grouping in 0..<groupingCount {
                                                let domainBase = grouping * rows
                                                let offset = offsets[indicator * groupingCount + grouping]
                                                for row in 0..<rows {
                                                    let value = y[valueBase + row]
                                                    let domain = Int(domains[domainBase + row])
                                                    if value.isNaN || domain < 0 { continue }
                                                    let weight = w[row]
                                                    let index = offset + domain
                                                    weightSum[index] += weight
                                                    valueSum[index] += weight * value
                                                    squareSum[index] += weight * value * value
                                                    denominatorSum[index] += weight * (denominatorBase < 0 ? 1 : x[denominatorBase + row])
                                                    if weight > 0 { counts[index] += 1 }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        // Point estimates, and the influence of a row: w * (y - means * x) * scale.
        var estimates = Array(repeating: Double.nan, count: columnCount)
        var means = Array(repeating: 0.0, count: columnCount)
        var scaleOfColumn = Array(repeating: 0.0, count: columnCount)
        for (indicator, column) in columns.enumerated() {
            for grouping in 0..<groupingCount {
                let offset = flatOffsets[indicator * groupingCount + grouping]
                for index in offset..<(offset + layouts[grouping].levels.count) {
                    if column.kind == .total {
                        estimates[index] = valueSum[index]
                        scaleOfColumn[index] = 1
                    } else if denominatorSum[index] != 0 {
                        estimates[index] = valueSum[index] / denominatorSum[index]
                        means[index] = estimates[index]
                        scaleOfColumn[index] = 1 / denominatorSum[index]
                    }
                }
            }
        }
        // Pass 2: per-unit totals of influence values.
        var unitTotals = Array(repeating: 0.0, count: stage.unitCount * columnCount)
        flatDenominators.withUnsafeBufferPointer { x in
        flatValues.withUnsafeBufferPointer { y in
            flatDomains.withUnsafeBufferPointer { domains in
                rowWeights.withUnsafeBufferPointer { w in
                    unitOfRow.withUnsafeBufferPointer { units in
                        means.withUnsafeBufferPointer { means in
                            scaleOfColumn.withUnsafeBufferPointer { scales in
                                unitTotals.withUnsafeMutableBufferPointer { totals in
                                    for indicator in 0..<indicatorCount {
                                        let valueBase = indicator * rows
                                        let denominatorBase = denominatorOffsets[indicator]
                                        for grouping in 0..<groupingCount {
                                            let domainBase = grouping * rows
                                            let offset = flatOffsets[indicator * groupingCount + grouping]
                                            for row in 0..<rows {
                                                let value = y[valueBase + row]
                                                let domain = Int(domains[domainBase + row])
                                                if value.isNaN || domain < 0 { continue }
                                                let index = offset + domain
                                                let denominator = denominatorBase < 0 ? 1 : x[denominatorBase + row]
                                                totals[units[row] * columnCount + index] += w[row] * (value - means[index] * denominator) * scales[index]
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        // Calibration level sums (only for calibrated designs).
        var levelSums = calibration.margins.map { Array(repeating: 0.0, count: $0.levelCount * columnCount) }
        for (margin, calibrationMargin) in calibration.margins.enumerated() {
            for indicator in 0..<indicatorCount {
                for grouping in 0..<groupingCount {
                    let offset = flatOffsets[indicator * groupingCount + grouping]
                    for row in 0..<rows {
                        let value = flatValues[indicator * rows + row]
                        let domain = Int(flatDomains[grouping * rows + row])
                        let level = calibrationMargin.levelOfRow[row]
                        if value.isNaN || domain < 0 || level < 0 { continue }
                        let index = offset + domain
                        let denominatorBase = denominatorOffsets[indicator]
                        let denominator = denominatorBase < 0 ? 1 : flatDenominators[denominatorBase + row]
                        let influence = rowWeights[row] * (value - means[index] * denominator) * scaleOfColumn[index]
                        levelSums[margin][level * columnCount + index] += influence * calibrationMargin.rowFactor[row]
                    }
                }
            }
        }
        var blocks: [Range<Int>] = []
        for indicator in columns.indices {
            for (grouping, layout) in layouts.enumerated() {
                let start = offsets[indicator][grouping]
                blocks.append(start..<(start + layout.levels.count))
            }
        }
        let covariances = covariance(
            of: InfluenceTotals(columnCount: columnCount, unitTotals: unitTotals, levelSums: levelSums), blocks: blocks)
        var results: [IndicatorEstimates] = []
        var blockIndex = 0
        for (indicator, column) in columns.enumerated() {
            for (grouping, layout) in layouts.enumerated() {
                let matrix = covariances[blockIndex]
                blockIndex += 1
                let size = layout.levels.count
                let estimates = (0..<size).map { domain in
                    let index = offsets[indicator][grouping] + domain
                    let count = counts[index]
                    let total = weightSum[index]
                    var srs: Double?
                    if column.kind != .ratio, count > 1, total > 0 {
                        // The weighted variance of y about its domain mean (R's svyvar), then
                        // that of a simple random sample's mean or total.
                        let mean = valueSum[index] / total
                        let spread = max(0, squareSum[index] - 2 * mean * valueSum[index] + mean * mean * total)
                        let s2 = spread / total * Double(count) / Double(count - 1)
                        let n = Double(count)
                        srs = column.kind == .total ? s2 * total * total * (total - n) / (total * n) : s2 / n * (total - n) / total
                    }
                    let variance = matrix[domain * size + domain]
                    var isProportion = false
                    if case .proportion = column.statistic { isProportion = true }
                    return assemble(
                        value: estimates[index], variance: variance, sampleSize: count, weightedSize: total, srsVariance: srs,
                        degreesOfFreedom: layout.degreesOfFreedom[domain], rows: layout.rowsInDomain[domain],
                        isProportion: isProportion, interval: column.interval, confidenceLevel: confidenceLevel)
                }
                results.append(IndicatorEstimates(
                    indicator: column.statistic.columns[0], statistic: column.statistic, grouping: layout.dimensions,
                    estimates: DomainEstimates(dimensions: layout.dimensions, levels: layout.levels, estimates: estimates, covariance: matrix)))
            }
        }
        return results
    }
}
