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
            var domainOfRow = [Int32](repeating: -1, count: rowCount)
            var rowsInDomain = Array(repeating: 0, count: domains.levels.count)
            var memberships: [[Bool]] = Array(repeating: Array(repeating: false, count: rowCount), count: domains.levels.count)
            for row in 0..<rowCount {
                if let domain = domains.domainOfRow[row] {
                    domainOfRow[row] = Int32(domain)
                    rowsInDomain[domain] += 1
                    memberships[domain][row] = true
                }
            }
            let df = memberships.map { degreesOfFreedom(membership: $0) }
            layouts.append(GroupingLayout(
                dimensions: grouping, levels: domains.levels, domainOfRow: domainOfRow, degreesOfFreedom: df,
                rowsInDomain: rowsInDomain))
        }
        // Split indicators so that each task's unit totals stay within a memory budget.
        let columnsPerIndicator = max(1, layouts.reduce(0) { $0 + $1.levels.count })
        let units = finestVarianceStage.unitCount
        let budget = 16_000_000
        let perTask = max(1, min(indicators.count, budget / max(1, units * columnsPerIndicator)))
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
        // Pass 1: weighted sums per column.
        var weightSum = Array(repeating: 0.0, count: columnCount)
        var valueSum = Array(repeating: 0.0, count: columnCount)
        var squareSum = Array(repeating: 0.0, count: columnCount)
        var counts = Array(repeating: 0, count: columnCount)
        for row in 0..<rowCount {
            let w = weights[row]
            for (indicator, column) in values.enumerated() {
                let y = column[row]
                if y.isNaN { continue }
                for (grouping, layout) in layouts.enumerated() {
                    let domain = Int(layout.domainOfRow[row])
                    if domain < 0 { continue }
                    let index = offsets[indicator][grouping] + domain
                    weightSum[index] += w
                    valueSum[index] += w * y
                    squareSum[index] += w * y * y
                    if w > 0 { counts[index] += 1 }
                }
            }
        }
        var means = Array(repeating: Double.nan, count: columnCount)
        for index in 0..<columnCount where weightSum[index] != 0 {
            means[index] = valueSum[index] / weightSum[index]
        }
        // Pass 2: per-unit totals of influence values, and per calibration level.
        let stage = finestVarianceStage
        var unitTotals = Array(repeating: 0.0, count: stage.unitCount * columnCount)
        var levelSums = calibration.margins.map { Array(repeating: 0.0, count: $0.levelCount * columnCount) }
        unitTotals.withUnsafeMutableBufferPointer { totals in
            for row in 0..<rowCount {
                let w = weights[row]
                let base = stage.unitOfRow[row] * columnCount
                for (indicator, column) in values.enumerated() {
                    let y = column[row]
                    if y.isNaN { continue }
                    for (grouping, layout) in layouts.enumerated() {
                        let domain = Int(layout.domainOfRow[row])
                        if domain < 0 { continue }
                        let index = offsets[indicator][grouping] + domain
                        let influence = w * (y - means[index]) / weightSum[index]
                        totals[base + index] += influence
                        for margin in levelSums.indices {
                            let level = calibration.margins[margin].levelOfRow[row]
                            if level >= 0 {
                                levelSums[margin][level * columnCount + index] += influence * calibration.margins[margin].rowFactor[row]
                            }
                        }
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
