/// Totals of linearised (influence) values, one column per quantity being estimated: per
/// sampling unit of the design's finest variance stage, and per calibration level. This is all
/// the design variance needs from the data, so any estimator (mean, ratio, proportion, a domain,
/// thousands of indicators at once) reduces to filling these sums in one pass over the rows.
struct InfluenceTotals: Sendable {
    /// How many quantities (columns).
    var columnCount: Int
    /// unitTotals[unit * columnCount + column]: sum of the influence values of the unit's rows.
    var unitTotals: [Double]
    /// levelSums[margin][level * columnCount + column]: sum over the level's rows of
    /// influence * the margin's row factor.
    var levelSums: [[Double]]
}

extension SurveyDesign {
    /// The finest stage whose units the variance needs.
    var finestVarianceStage: SamplingStage { stages[varianceStageCount - 1] }

    /// Totals of per-row influence values (already multiplied by the weights), one array per
    /// column.
    func influenceTotals(of columns: [[Double]]) -> InfluenceTotals {
        let count = columns.count
        let stage = finestVarianceStage
        var unitTotals = Array(repeating: 0.0, count: stage.unitCount * count)
        unitTotals.withUnsafeMutableBufferPointer { totals in
            for (column, values) in columns.enumerated() {
                stage.unitOfRow.withUnsafeBufferPointer { units in
                    values.withUnsafeBufferPointer { values in
                        for row in 0..<values.count {
                            totals[units[row] * count + column] += values[row]
                        }
                    }
                }
            }
        }
        var levelSums: [[Double]] = []
        for margin in calibration.margins {
            var sums = Array(repeating: 0.0, count: margin.levelCount * count)
            for (column, values) in columns.enumerated() {
                for row in 0..<values.count {
                    let level = margin.levelOfRow[row]
                    if level >= 0 { sums[level * count + column] += values[row] * margin.rowFactor[row] }
                }
            }
            levelSums.append(sums)
        }
        return InfluenceTotals(columnCount: count, unitTotals: unitTotals, levelSums: levelSums)
    }

    /// The design covariance of the estimated totals of the influence columns, for pairs of
    /// columns within each block (a block is a range of columns whose covariances are wanted,
    /// such as the domains of one indicator). Returns, per block, a row-major k x k matrix.
    ///
    /// This is the one variance function of the module: calibration residuals first, then one
    /// term per contributing stage: within each group (stratum, or cluster of the stage above),
    /// f * n / (n - 1) * sum of squared deviations of unit totals from their mean, scaled by the
    /// sampling fractions of the stages above. A group whose f is (almost) 0 was taken whole and
    /// contributes nothing.
    ///
    /// A group with a single sampled unit (a lonely PSU, or a lonely cluster at a later stage)
    /// contributes f * total^2, its unit total not centred at all: that is what R survey 4.1.1's
    /// `onestrat` does with `survey.lonely.psu = "adjust"` (it skips the centring sweep), at every
    /// stage. Its documentation speaks of centring at the grand mean; for a mean, proportion or
    /// ratio the influence values sum to zero, so the two agree, but for a total the code's zero
    /// centre gives a larger (more conservative) variance, and we follow the code.
    func covariance(of totals: InfluenceTotals, blocks: [Range<Int>]) -> [[Double]] {
        let count = totals.columnCount
        var unitTotals = totals.unitTotals
        removeCalibrationComponents(from: &unitTotals, levelSums: totals.levelSums, columnCount: count)

        var results = blocks.map { Array(repeating: 0.0, count: $0.count * $0.count) }
        var deviation = Array(repeating: 0.0, count: count)
        var stageIndex = varianceStageCount - 1
        while stageIndex >= 0 {
            let stage = stages[stageIndex]
            var groupTotals = Array(repeating: 0.0, count: stage.groupCount * count)
            for unit in 0..<stage.unitCount {
                let group = stage.groupOfUnit[unit]
                for column in 0..<count {
                    groupTotals[group * count + column] += unitTotals[unit * count + column]
                }
            }
            for unit in 0..<stage.unitCount {
                let group = stage.groupOfUnit[unit]
                let sampled = stage.unitsInGroup[group]
                let f = stage.finiteFactor[group]
                if f < 1e-7 { continue }
                var factor = stage.scale[group] * f
                if sampled > 1 {
                    factor *= Double(sampled) / Double(sampled - 1)
                    for column in 0..<count {
                        deviation[column] = unitTotals[unit * count + column] - groupTotals[group * count + column] / Double(sampled)
                    }
                } else {
                    // A lonely unit: R's "adjust" leaves its total uncentred (see the doc comment).
                    for column in 0..<count {
                        deviation[column] = unitTotals[unit * count + column]
                    }
                }
                for (blockIndex, block) in blocks.enumerated() {
                    let size = block.count
                    results[blockIndex].withUnsafeMutableBufferPointer { matrix in
                        for i in 0..<size {
                            let di = deviation[block.lowerBound + i] * factor
                            if di == 0 { continue }
                            for j in 0..<size {
                                matrix[i * size + j] += di * deviation[block.lowerBound + j]
                            }
                        }
                    }
                }
            }
            // Totals of the stage above.
            if stageIndex > 0, let parents = stage.parentOfUnit {
                let above = stages[stageIndex - 1]
                var parentTotals = Array(repeating: 0.0, count: above.unitCount * count)
                for unit in 0..<stage.unitCount {
                    let parent = parents[unit]
                    for column in 0..<count {
                        parentTotals[parent * count + column] += unitTotals[unit * count + column]
                    }
                }
                unitTotals = parentTotals
            }
            stageIndex -= 1
        }
        return results
    }

    /// Replaces unit totals of influence values by those of their residuals from the
    /// calibration margins (see ``Calibration``).
    private func removeCalibrationComponents(from unitTotals: inout [Double], levelSums: [[Double]], columnCount count: Int) {
        guard !calibration.isEmpty else { return }
        let margins = calibration.margins
        // coefficients[a][g * count + c]: the accumulated level mean removed for margin a.
        var coefficients = margins.map { Array(repeating: 0.0, count: $0.levelCount * count) }
        for b in calibration.steps {
            let margin = margins[b]
            var means = levelSums[b]
            for a in margins.indices {
                let levelsA = margins[a].levelCount
                let cross = calibration.crossFactors[a][b]
                for g in 0..<levelsA {
                    for h in 0..<margin.levelCount {
                        let factor = cross[g * margin.levelCount + h]
                        if factor == 0 { continue }
                        for column in 0..<count {
                            means[h * count + column] -= coefficients[a][g * count + column] * factor
                        }
                    }
                }
            }
            for h in 0..<margin.levelCount {
                let divisor = margin.normaliser[h]
                guard divisor > 0 else { continue }
                for column in 0..<count {
                    coefficients[b][h * count + column] += means[h * count + column] / divisor
                }
            }
        }
        for (a, margin) in margins.enumerated() {
            for entry in margin.unitWeights {
                for column in 0..<count {
                    unitTotals[entry.unit * count + column] -= coefficients[a][entry.level * count + column] * entry.weight
                }
            }
        }
    }
}
