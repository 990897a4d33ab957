/// A sample together with how it was drawn: weights, strata, clusters at each stage, finite
/// population corrections, and any calibration (post-stratification, raking) of the weights.
///
/// Estimates from survey data are only as good as their standard errors, and those depend on the
/// design, not just the weights. The design is set up once (labels coded to integer indices,
/// sample sizes counted, fpcs checked) so each estimate is a pass over numeric arrays.
///
/// Standard errors follow R's `survey` package (Taylor linearisation, `svyrecvar`): clusters are
/// treated as sampled with replacement at a stage without an fpc; with fpcs at every stage each
/// stage adds its own term, scaled by the sampling fractions of the stages above it.
public struct SurveyDesign: Sendable {
    /// The data the design describes.
    public let table: SurveyTable
    /// The columns the design was built from.
    public let columns: DesignColumns
    /// The final weight of each row (after any calibration).
    public internal(set) var weights: [Double]
    /// The weight of each row before calibration: from the weights column, or from the fpcs.
    public let samplingWeights: [Double]
    /// The sampling stages, first stage first.
    let stages: [SamplingStage]
    /// How many stages add a variance term: the first, and each later one whose stages above all
    /// have an fpc (without one, the first stage's with-replacement variance covers the rest).
    let varianceStageCount: Int
    /// Post-stratification and raking adjustments, applied to influence values before the
    /// design variance (R's `postStrata`).
    var calibration: Calibration
    /// Strata with a single PSU, which need the lonely-PSU adjustment.
    public let lonelyStrata: [String]
    /// Remarks that apply to every estimate from this design (lonely PSUs, raking that did not
    /// converge).
    public internal(set) var notes: [EstimateNote]
    /// Whether raking (if any) converged; nil when the design was not raked.
    public internal(set) var rakingConverged: Bool? = nil

    /// The number of rows.
    public var rowCount: Int { table.rowCount }

    /// Sets up a design from column names of `table`.
    ///
    /// - Parameters:
    ///   - weights: sampling weights (inverse inclusion probabilities). Without it the weight is
    ///     the inverse of the sampling fraction the fpcs imply, stage by stage (N/n); without
    ///     either, every row weighs 1.
    ///   - strata: first-stage strata.
    ///   - clusters: cluster ids, one column per stage (first: PSUs). None: each row is a PSU.
    ///   - fpc: finite population corrections, one column per stage (fewer than the stages: the
    ///     later stages have none). Each holds, per stratum (stage 1) or per cluster of the stage
    ///     before, the population size, or the sampling fraction when every value is at most 1.
    ///   - nest: cluster ids are only unique within a stratum, so relabel them within strata.
    ///     Without it a cluster id found in two strata is an error. Ids at later stages are
    ///     always taken within the cluster of the stage before.
    public init(
        data table: SurveyTable,
        weights: String? = nil,
        strata: String? = nil,
        clusters: [String] = [],
        fpc: [String] = [],
        nest: Bool = false
    ) throws(DesignError) {
        let columns = DesignColumns(weights: weights, strata: strata, clusters: clusters, fpc: fpc, nest: nest)
        let rows = table.rowCount
        guard rows > 0 else { throw .emptyDesign }
        let stageCount = max(1, clusters.count)
        if fpc.count > stageCount { throw .tooManyFPCColumns(fpc: fpc.count, stages: stageCount) }

        // Strata.
        var stratumOfRow = Array(repeating: 0, count: rows)
        var stratumLabels = [""]
        if let strata {
            let codes = LabelCodes(try Self.column(strata, in: table))
            for row in 0..<rows {
                guard let code = codes.codeOfRow[row] else { throw .missingValue(column: strata, row: row + 1) }
                stratumOfRow[row] = code
            }
            stratumLabels = codes.labels
        }

        // Stages.
        var stages: [SamplingStage] = []
        var populationPerRow: [[Double]?] = []
        for stageIndex in 0..<stageCount {
            let clusterColumn = stageIndex < clusters.count ? clusters[stageIndex] : nil
            let parentOfRow: [Int]
            let groupCount: Int
            let groupLabels: [String]
            if let previous = stages.last {
                parentOfRow = previous.unitOfRow
                groupCount = previous.unitCount
                groupLabels = (0..<groupCount).map { "cluster \($0 + 1) of stage \(stageIndex)" }
            } else {
                parentOfRow = stratumOfRow
                groupCount = stratumLabels.count
                groupLabels = strata == nil ? [""] : stratumLabels.map { "stratum '\($0)'" }
            }
            let stage = try Self.stage(
                table: table, clusterColumn: clusterColumn, groupOfRow: parentOfRow, groupCount: groupCount,
                groupLabels: groupLabels, strataColumn: stageIndex == 0 ? strata : nil,
                stratumLabels: stratumLabels, nest: nest, isFirst: stageIndex == 0)
            stages.append(stage)
        }

        // Finite population corrections.
        for stageIndex in 0..<stageCount {
            guard stageIndex < fpc.count else { populationPerRow.append(nil); continue }
            let name = fpc[stageIndex]
            let kind = stageIndex == 0 ? (strata == nil ? "" : "stratum") : "cluster"
            let groupNames: [SamplingGroupName] = stageIndex == 0
                ? stratumLabels.map { SamplingGroupName(kind: kind, label: $0) }
                : (0..<stages[stageIndex - 1].unitCount).map { SamplingGroupName(kind: kind, label: String($0 + 1)) }
            let parentOfRow = stageIndex == 0 ? stratumOfRow : stages[stageIndex - 1].unitOfRow
            let population = try Self.populationSizes(
                table: table, column: name, stage: stages[stageIndex], groupOfRow: parentOfRow, groupNames: groupNames)
            stages[stageIndex].finiteFactor = zip(population, stages[stageIndex].unitsInGroup).map { population, sampled in
                population.isFinite ? (population - Double(sampled)) / population : 1
            }
            stages[stageIndex].samplingFraction = zip(population, stages[stageIndex].unitsInGroup).map { population, sampled in
                population.isFinite ? Double(sampled) / population : 0
            }
            populationPerRow.append(population)
        }

        // Scales of later stages, and how many stages contribute.
        var varianceStages = 1
        for stageIndex in 1..<max(stageCount, 1) where stageIndex < stageCount {
            let previous = stages[stageIndex - 1]
            guard varianceStages == stageIndex, let fractions = previous.samplingFraction else { break }
            stages[stageIndex].scale = (0..<stages[stageIndex].groupCount).map { parentUnit in
                let parentGroup = previous.groupOfUnit[parentUnit]
                return previous.scale[parentGroup] * fractions[parentGroup]
            }
            varianceStages += 1
        }

        // Weights.
        var sampling = Array(repeating: 1.0, count: rows)
        if let weights {
            guard let values = try Self.column(weights, in: table).numbers else { throw .notNumeric(column: weights) }
            for row in 0..<rows {
                guard let value = values[row] else { throw .missingValue(column: weights, row: row + 1) }
                guard value.isFinite, value >= 0 else { throw .invalidWeight(column: weights, row: row + 1, value: value) }
                sampling[row] = value
            }
        } else {
            for (stageIndex, population) in populationPerRow.enumerated() {
                guard let population else { continue }
                let stage = stages[stageIndex]
                for row in 0..<rows {
                    let group = stage.groupOfUnit[stage.unitOfRow[row]]
                    let size = population[group]
                    if size.isFinite { sampling[row] *= size / Double(stage.unitsInGroup[group]) }
                }
            }
        }

        let first = stages[0]
        var lonely: [String] = []
        for group in 0..<first.groupCount where first.unitsInGroup[group] == 1 && first.finiteFactor[group] >= 1e-7 {
            lonely.append(strata == nil ? "the whole sample" : stratumLabels[group])
        }

        self.table = table
        self.columns = columns
        self.weights = sampling
        self.samplingWeights = sampling
        self.stages = stages
        self.varianceStageCount = varianceStages
        self.calibration = Calibration()
        var notes: [EstimateNote] = lonely.isEmpty ? [] : [.lonelyPSU(strata: lonely)]
        for stageIndex in 1..<max(varianceStages, 1) where stageIndex < varianceStages {
            let stage = stages[stageIndex]
            let count = (0..<stage.groupCount).filter { stage.unitsInGroup[$0] == 1 && stage.finiteFactor[$0] >= 1e-7 }.count
            if count > 0 { notes.append(.lonelyUnits(stage: stageIndex + 1, count: count)) }
        }
        self.lonelyStrata = lonely
        self.notes = notes
    }

    static func column(_ name: String, in table: SurveyTable) throws(DesignError) -> TableColumn {
        guard let column = table[name] else { throw .missingColumn(name) }
        return column
    }

    /// Codes one stage's units: clusters within their group (stratum or parent cluster).
    private static func stage(
        table: SurveyTable, clusterColumn: String?, groupOfRow: [Int], groupCount: Int, groupLabels: [String],
        strataColumn: String?, stratumLabels: [String], nest: Bool, isFirst: Bool
    ) throws(DesignError) -> SamplingStage {
        let rows = table.rowCount
        var unitOfRow = Array(repeating: 0, count: rows)
        var groupOfUnit: [Int] = []
        if let clusterColumn {
            let codes = LabelCodes(try column(clusterColumn, in: table))
            var unitOfKey: [Int: Int] = [:]
            var groupOfCluster: [Int: Int] = [:]
            let codeCount = codes.labels.count
            for row in 0..<rows {
                guard let code = codes.codeOfRow[row] else { throw .missingValue(column: clusterColumn, row: row + 1) }
                let group = groupOfRow[row]
                if isFirst, !nest, let strataColumn {
                    if let seen = groupOfCluster[code], seen != group {
                        throw .clusterInSeveralStrata(
                            column: clusterColumn, cluster: codes.labels[code],
                            strata: [stratumLabels[seen], stratumLabels[group]])
                    }
                    groupOfCluster[code] = group
                    _ = strataColumn
                }
                let key = group * codeCount + code
                if let unit = unitOfKey[key] {
                    unitOfRow[row] = unit
                } else {
                    unitOfKey[key] = groupOfUnit.count
                    unitOfRow[row] = groupOfUnit.count
                    groupOfUnit.append(group)
                }
            }
        } else {
            for row in 0..<rows {
                unitOfRow[row] = row
            }
            groupOfUnit = groupOfRow
        }
        var unitsInGroup = Array(repeating: 0, count: groupCount)
        for group in groupOfUnit { unitsInGroup[group] += 1 }
        return SamplingStage(
            unitOfRow: unitOfRow, unitCount: groupOfUnit.count, groupOfUnit: groupOfUnit, groupCount: groupCount,
            unitsInGroup: unitsInGroup, finiteFactor: Array(repeating: 1, count: groupCount), samplingFraction: nil,
            scale: Array(repeating: 1, count: groupCount), parentOfUnit: isFirst ? nil : groupOfUnit,
            groupLabels: groupLabels)
    }

    /// The population size of each group from an fpc column (sizes, or fractions when every
    /// value is at most 1), checked to be constant within groups and no smaller than the sample.
    private static func populationSizes(
        table: SurveyTable, column name: String, stage: SamplingStage, groupOfRow: [Int], groupNames: [SamplingGroupName]
    ) throws(DesignError) -> [Double] {
        guard let values = try column(name, in: table).numbers else { throw .notNumeric(column: name) }
        var valueOfGroup = Array(repeating: Double.nan, count: stage.groupCount)
        var isFraction = true
        for row in 0..<values.count {
            guard let value = values[row] else { throw .missingValue(column: name, row: row + 1) }
            guard value.isFinite, value > 0 else { throw .invalidFPC(column: name, row: row + 1, value: value) }
            if value > 1 { isFraction = false }
            let group = groupOfRow[row]
            if valueOfGroup[group].isNaN {
                valueOfGroup[group] = value
            } else if valueOfGroup[group] != value {
                throw .fpcVaries(column: name, group: groupNames[group], first: valueOfGroup[group], other: value, row: row + 1)
            }
        }
        var population = valueOfGroup
        for group in 0..<stage.groupCount {
            let sampled = stage.unitsInGroup[group]
            if isFraction {
                population[group] = Double(sampled) / valueOfGroup[group]
            } else if population[group] < Double(sampled) {
                throw .fpcBelowSampleSize(column: name, group: groupNames[group], population: population[group], sampled: sampled)
            }
        }
        return population
    }
}

/// The column names a design was built from, kept for describing it (and for the command line
/// to echo back).
public struct DesignColumns: Sendable, Hashable, Codable {
    public var weights: String?
    public var strata: String?
    public var clusters: [String]
    public var fpc: [String]
    public var nest: Bool

    public init(weights: String? = nil, strata: String? = nil, clusters: [String] = [], fpc: [String] = [], nest: Bool = false) {
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.fpc = fpc
        self.nest = nest
    }
}
