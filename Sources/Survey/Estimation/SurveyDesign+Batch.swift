import Foundation

/// The estimates of one indicator for every domain of one grouping (an empty grouping: the whole
/// population, as a single domain).
public struct IndicatorEstimates: Sendable, Hashable, Codable {
    public var indicator: String
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
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        var values: [[Double]] = []
        for name in indicators {
            values.append(try numbers(name).map { $0 ?? .nan })
        }
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
                let names = Array(indicators[range])
                let columns = Array(values[range])
                group.addTask {
                    (range.lowerBound, design.estimateBatch(
                        names: names, values: columns, layouts: layoutsCopy, interval: interval, confidenceLevel: confidenceLevel))
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

    /// Estimates for a few indicators (one task's share).
    func estimateBatch(
        names: [String], values: [[Double]], layouts: [GroupingLayout], interval: IntervalMethod, confidenceLevel: Double
    ) -> [IndicatorEstimates] {
        var offsets: [[Int]] = []
        var columnCount = 0
        for _ in names.indices {
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
        let indicatorCount = values.count
        let flatValues = values.flatMap { $0 }
        let flatDomains = domainColumns.flatMap { $0 }
        let rowWeights = weights
        let stage = finestVarianceStage
        let unitOfRow = stage.unitOfRow
        // Pass 1: weighted sums per column.
        var weightSum = Array(repeating: 0.0, count: columnCount)
        var valueSum = Array(repeating: 0.0, count: columnCount)
        var squareSum = Array(repeating: 0.0, count: columnCount)
        var counts = Array(repeating: 0, count: columnCount)
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
        var means = Array(repeating: Double.nan, count: columnCount)
        var scaleOfColumn = Array(repeating: 0.0, count: columnCount)
        for index in 0..<columnCount where weightSum[index] != 0 {
            means[index] = valueSum[index] / weightSum[index]
            scaleOfColumn[index] = 1 / weightSum[index]
        }
        // Pass 2: per-unit totals of influence values.
        var unitTotals = Array(repeating: 0.0, count: stage.unitCount * columnCount)
        flatValues.withUnsafeBufferPointer { y in
            flatDomains.withUnsafeBufferPointer { domains in
                rowWeights.withUnsafeBufferPointer { w in
                    unitOfRow.withUnsafeBufferPointer { units in
                        means.withUnsafeBufferPointer { means in
                            scaleOfColumn.withUnsafeBufferPointer { scales in
                                unitTotals.withUnsafeMutableBufferPointer { totals in
                                    for indicator in 0..<indicatorCount {
                                        let valueBase = indicator * rows
                                        for grouping in 0..<groupingCount {
                                            let domainBase = grouping * rows
                                            let offset = flatOffsets[indicator * groupingCount + grouping]
                                            for row in 0..<rows {
                                                let value = y[valueBase + row]
                                                let domain = Int(domains[domainBase + row])
                                                if value.isNaN || domain < 0 { continue }
                                                let index = offset + domain
                                                totals[units[row] * columnCount + index] += w[row] * (value - means[index]) * scales[index]
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
                        let influence = rowWeights[row] * (value - means[index]) * scaleOfColumn[index]
                        levelSums[margin][level * columnCount + index] += influence * calibrationMargin.rowFactor[row]
                    }
                }
            }
        }
        var blocks: [Range<Int>] = []
        for indicator in names.indices {
            for (grouping, layout) in layouts.enumerated() {
                let start = offsets[indicator][grouping]
                blocks.append(start..<(start + layout.levels.count))
            }
        }
        let covariances = covariance(
            of: InfluenceTotals(columnCount: columnCount, unitTotals: unitTotals, levelSums: levelSums), blocks: blocks)
        var results: [IndicatorEstimates] = []
        var blockIndex = 0
        for (indicator, name) in names.enumerated() {
            for (grouping, layout) in layouts.enumerated() {
                let matrix = covariances[blockIndex]
                blockIndex += 1
                let size = layout.levels.count
                let estimates = (0..<size).map { domain in
                    let index = offsets[indicator][grouping] + domain
                    let count = counts[index]
                    let total = weightSum[index]
                    var srs: Double?
                    if count > 1, total > 0 {
                        let spread = max(0, squareSum[index] - 2 * means[index] * valueSum[index] + means[index] * means[index] * total)
                        let s2 = spread / total * Double(count) / Double(count - 1)
                        srs = s2 / Double(count) * (total - Double(count)) / total
                    }
                    let variance = matrix[domain * size + domain]
                    return assemble(
                        value: means[index], variance: variance, sampleSize: count, weightedSize: total, srsVariance: srs,
                        degreesOfFreedom: layout.degreesOfFreedom[domain], rows: layout.rowsInDomain[domain],
                        isProportion: false, interval: interval, confidenceLevel: confidenceLevel)
                }
                results.append(IndicatorEstimates(
                    indicator: name, grouping: layout.dimensions,
                    estimates: DomainEstimates(dimensions: layout.dimensions, levels: layout.levels, estimates: estimates, covariance: matrix)))
            }
        }
        return results
    }
}
