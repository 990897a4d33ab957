/// Why a survey design could not be set up from a table. Each message names the column and,
/// where one row is at fault, the row (counting data rows from 1), so the person who prepared
/// the data can find and fix it.
public enum DesignError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingColumn(String)
    case notNumeric(column: String)
    /// A design column (weights, strata, clusters, fpc, post-strata) is empty in a row.
    case missingValue(column: String, row: Int)
    case invalidWeight(column: String, row: Int, value: Double)
    /// More fpc columns than sampling stages.
    case tooManyFPCColumns(fpc: Int, stages: Int)
    /// The fpc differs between rows of the same stratum (or cluster, at later stages).
    case fpcVaries(column: String, group: SamplingGroupName, first: Double, other: Double, row: Int)
    /// The fpc is a population size smaller than the number of units sampled from it.
    case fpcBelowSampleSize(column: String, group: SamplingGroupName, population: Double, sampled: Int)
    case invalidFPC(column: String, row: Int, value: Double)
    /// A cluster id is used in two strata without `nest`.
    case clusterInSeveralStrata(column: String, cluster: String, strata: [String])
    /// A post-stratum or raking level found in the sample has no population count.
    case populationMissingLevel(column: String, level: String)
    /// A population level has no sampled rows (R's `partial = FALSE`).
    case levelAbsentFromSample(column: String, level: String)
    case invalidPopulation(column: String, level: String, value: Double)
    case rakingDidNotConverge(iterations: Int, change: Double)
    case emptyDesign
    /// A coded column (``CodedDesign``) has a different number of rows than the weights.
    case lengthMismatch(column: String, rows: Int, expected: Int)

    public var description: String {
        switch self {
        case .missingColumn(let name):
            "There is no column '\(name)' in the data."
        case .notNumeric(let column):
            "Column '\(column)' must hold numbers, but some values are not numbers."
        case .missingValue(let column, let row):
            "Column '\(column)' is empty in row \(row); every row needs a value there."
        case .invalidWeight(let column, let row, let value):
            "Column '\(column)' has weight \(TableColumn.label(of: value)) in row \(row); weights must be zero or positive numbers."
        case .tooManyFPCColumns(let fpc, let stages):
            "\(fpc) fpc columns were given for a design with \(stages) sampling stage(s); give at most one per stage."
        case .fpcVaries(let column, let group, let first, let other, let row):
            "Column '\(column)' has \(TableColumn.label(of: other)) in row \(row), but \(TableColumn.label(of: first)) elsewhere in \(group.phrase); the fpc must be the same throughout \(group.kind.isEmpty ? "the sample" : "a \(group.kind)")."
        case .fpcBelowSampleSize(let column, let group, let population, let sampled):
            "Column '\(column)' has \(TableColumn.label(of: population)) in \(group.phrase), but \(group.kind.isEmpty ? "the sample" : "the \(group.kind)") has \(sampled) sampled units."
        case .invalidFPC(let column, let row, let value):
            "Column '\(column)' has \(TableColumn.label(of: value)) in row \(row); an fpc is a population size (at least 1) or a sampling fraction (above 0, at most 1)."
        case .clusterInSeveralStrata(let column, let cluster, let strata):
            "Cluster '\(cluster)' of column '\(column)' appears in strata \(strata.map { "'\($0)'" }.joined(separator: " and ")); clusters must be nested in strata, or ask for ids to be relabelled within strata (nest)."
        case .populationMissingLevel(let column, let level):
            "The sample has '\(level)' in column '\(column)', but the population counts have no '\(level)'."
        case .levelAbsentFromSample(let column, let level):
            "The population counts have '\(level)' for column '\(column)', but no sampled row has it."
        case .invalidPopulation(let column, let level, let value):
            "The population count for '\(level)' of column '\(column)' is \(TableColumn.label(of: value)); it must be a positive number."
        case .rakingDidNotConverge(let iterations, let change):
            "Raking did not converge after \(iterations) iterations (the weighted counts still changed by \(change))."
        case .emptyDesign:
            "The data has no rows."
        case .lengthMismatch(let column, let rows, let expected):
            "Column '\(column)' has \(rows) rows, but the weights have \(expected)."
        }
    }
}

/// Names a stratum or cluster in a message: "stratum 'E'", "cluster '401'", or the whole sample.
public struct SamplingGroupName: Sendable, Hashable {
    /// "stratum", "cluster", or empty for the whole sample.
    public var kind: String
    public var label: String

    public init(kind: String, label: String) {
        self.kind = kind
        self.label = label
    }

    var phrase: String {
        kind.isEmpty ? "the whole sample" : "\(kind) '\(label)'"
    }
}
