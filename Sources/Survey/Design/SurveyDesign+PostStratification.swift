/// Post-stratification: weights scaled so the weighted count of each post-stratum equals its
/// known population count, as R's `postStratify` does. Estimates become more precise where the
/// outcome differs between post-strata; the variance accounts for it through the residuals of
/// the influence values from the post-stratum means.
extension SurveyDesign {
    /// A copy of the design post-stratified on `column`.
    ///
    /// - Parameters:
    ///   - population: the population count of each level of `column`.
    ///   - partial: allow population levels with no sampled rows (they are ignored), as R's
    ///     `partial = TRUE`; otherwise such a level is an error.
    public func postStratified(by column: String, population: [String: Double], partial: Bool = false) throws(DesignError) -> SurveyDesign {
        let step = try adjustment(to: column, population: population, partial: partial, weights: weights)
        var copy = self
        copy.weights = step.weights
        let margin = makeMargin(column: column, levels: step.levels, oldWeights: weights, newWeights: step.weights, raking: false)
        copy.calibration.append(margin, rowCount: rowCount)
        copy.calibration.steps.append(copy.calibration.margins.count - 1)
        return copy
    }

    /// Weights after scaling each level of `column` to its population count, and the level of
    /// each row.
    func adjustment(to column: String, population: [String: Double], partial: Bool, weights: [Double]) throws(DesignError) -> (levels: (codes: [Int], labels: [String]), weights: [Double]) {
        let codes = LabelCodes(try Self.column(column, in: table))
        var levelOfRow = Array(repeating: -1, count: rowCount)
        var sampleTotals = Array(repeating: 0.0, count: codes.labels.count)
        for row in 0..<rowCount {
            guard let code = codes.codeOfRow[row] else { throw .missingValue(column: column, row: row + 1) }
            levelOfRow[row] = code
            sampleTotals[code] += weights[row]
        }
        var factor = Array(repeating: 1.0, count: codes.labels.count)
        for (code, label) in codes.labels.enumerated() {
            guard let count = population[label] else {
                if sampleTotals[code] == 0 { continue }
                throw .populationMissingLevel(column: column, level: label)
            }
            guard count.isFinite, count >= 0 else { throw .invalidPopulation(column: column, level: label, value: count) }
            if sampleTotals[code] > 0 { factor[code] = count / sampleTotals[code] }
        }
        let sampled = Set(codes.labels.enumerated().filter { sampleTotals[$0.offset] > 0 }.map(\.element))
        for (label, count) in population.sorted(by: { $0.key < $1.key }) where count > 0 && !sampled.contains(label) && !partial {
            throw .levelAbsentFromSample(column: column, level: label)
        }
        var adjusted = weights
        for row in 0..<rowCount {
            adjusted[row] *= factor[levelOfRow[row]]
        }
        return ((levelOfRow, codes.labels), adjusted)
    }

    /// The variance bookkeeping of one calibration margin.
    func makeMargin(column: String, levels: (codes: [Int], labels: [String]), oldWeights: [Double], newWeights: [Double], raking: Bool) -> CalibrationMargin {
        let levelCount = levels.labels.count
        var adjusted = newWeights
        var rowFactor = Array(repeating: 0.0, count: rowCount)
        var normaliser = Array(repeating: 0.0, count: levelCount)
        for row in 0..<rowCount {
            let level = levels.codes[row]
            guard level >= 0 else { continue }
            if raking {
                rowFactor[row] = adjusted[row] > 0 ? 1 / adjusted[row] : 0
                normaliser[level] += 1
            } else {
                // As R: a row with no weight before or after counts with weight 1 in the residual.
                if adjusted[row] == 0 && oldWeights[row] == 0 { adjusted[row] = 1 }
                rowFactor[row] = adjusted[row] > 0 ? oldWeights[row] / adjusted[row] : 0
                normaliser[level] += oldWeights[row]
            }
        }
        let units = finestVarianceStage.unitOfRow
        var indexOfKey: [Int: Int] = [:]
        var unitWeights: [UnitLevelWeight] = []
        for row in 0..<rowCount {
            let level = levels.codes[row]
            guard level >= 0 else { continue }
            let key = units[row] * levelCount + level
            if let index = indexOfKey[key] {
                unitWeights[index].weight += adjusted[row]
            } else {
                indexOfKey[key] = unitWeights.count
                unitWeights.append(UnitLevelWeight(unit: units[row], level: level, weight: adjusted[row]))
            }
        }
        return CalibrationMargin(
            column: column, levelOfRow: levels.codes, levelLabels: levels.labels, adjustedWeights: adjusted,
            rowFactor: rowFactor, normaliser: normaliser, unitWeights: unitWeights)
    }
}
