import Foundation
import Testing
import Survey

@Suite("Many indicators by many groupings")
struct BatchEstimationTests {
    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(b), 1e-12)
    }

    @Test(arguments: ["strat", "clus1", "clus2", "poststrat_srs"])
    func batchEqualsOneByOne(designName: String) async throws {
        let data = try ReferenceData.loaded.get()
        let design = try #require(data.designs[designName])
        let indicators = ["api00", "enroll", "meals"]
        let groupings: [[String]] = [[], ["stype"], ["stype", "awards"]]
        let batch = try await design.estimateMany(indicators: indicators, groupings: groupings)
        #expect(batch.count == indicators.count * groupings.count)
        for result in batch {
            let single = try design.estimates(.mean(result.indicator), by: result.grouping, interval: .wald)
            #expect(single.levels == result.estimates.levels)
            for (a, b) in zip(result.estimates.estimates, single.estimates) {
                #expect(Self.close(a.value, b.value), "\(designName) \(result.indicator) \(result.grouping)")
                #expect(Self.close(a.standardError, b.standardError), "\(designName) \(result.indicator) \(result.grouping): \(a.standardError) vs \(b.standardError)")
                #expect(a.degreesOfFreedom == b.degreesOfFreedom)
                #expect(a.sampleSize == b.sampleSize)
                #expect(Self.close(a.designEffect ?? 0, b.designEffect ?? 0))
            }
            for (a, b) in zip(result.estimates.covariance, single.covariance) {
                #expect(abs(a - b) <= 1e-9 * max(abs(b), single.covariance.map(abs).max() ?? 1))
            }
        }
    }

    /// Totals, ratios and proportions in one batch, against the one-by-one estimator (including
    /// calibrated and multistage designs).
    @Test(arguments: ["strat", "clus2", "poststrat_srs"])
    func totalsRatiosAndProportions(designName: String) async throws {
        let data = try ReferenceData.loaded.get()
        let design = try #require(data.designs[designName])
        let statistics: [Statistic] = [
            .total("enroll"), .ratio(numerator: "api00", denominator: "api99"), .proportion("awards", level: "Yes"), .mean("meals"),
        ]
        let groupings: [[String]] = [[], ["stype"]]
        let batch = try await design.estimateMany(statistics, groupings: groupings)
        #expect(batch.map(\.statistic) == statistics.flatMap { [$0, $0] })
        for result in batch {
            let single = try design.estimates(result.statistic, by: result.grouping)
            #expect(single.levels == result.estimates.levels)
            for (a, b) in zip(result.estimates.estimates, single.estimates) {
                let label = "\(designName) \(result.statistic) \(result.grouping)"
                #expect(Self.close(a.value, b.value), "\(label)")
                #expect(Self.close(a.standardError, b.standardError), "\(label): \(a.standardError) vs \(b.standardError)")
                #expect(a.degreesOfFreedom == b.degreesOfFreedom)
                #expect(a.sampleSize == b.sampleSize)
                #expect(Self.close(a.weightedSize, b.weightedSize))
                #expect(Self.close(a.designEffect ?? 0, b.designEffect ?? 0), "\(label) deff")
                #expect(a.interval?.method == b.interval?.method)
                #expect(a.notes == b.notes)
            }
        }
    }

    @Test func crossedDomainsAndContrasts() throws {
        let data = try ReferenceData.loaded.get()
        let design = try #require(data.designs["strat"])
        let crossed = try design.estimates(.mean("api00"), by: ["stype", "awards"])
        #expect(crossed.levels.count == 6)
        let direct = try design.estimate(.mean("api00"), in: Domain(conditions: [
            DomainCondition(column: "stype", level: "E"), DomainCondition(column: "awards", level: "Yes"),
        ]))
        let fromTable = try #require(crossed["E", "Yes"])
        #expect(Self.close(fromTable.value, direct.value))
        #expect(Self.close(fromTable.standardError, direct.standardError))
        // Ratio of two domain means: delta method.
        let byType = try design.estimates(.mean("api00"), by: ["stype"])
        let ratio = try byType.ratio(["E"], to: ["H"])
        #expect(Self.close(ratio.value, 674.43 / 625.82))
        #expect(ratio.standardError > 0)
        #expect(throws: EstimationError.unknownDomain(dimension: ["stype"], level: ["X"])) {
            try byType.difference(["X"], minus: ["E"])
        }
    }

    /// The framework benchmark's workload (1,000,000 rows x 40 binary indicators, overall + 4
    /// dimensions + sex x disability) through the table-based design and ``estimateMany``, for
    /// comparison with ``FrameworkEstimation``; run with COUNTED_BENCH=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["COUNTED_BENCH"] == "1"))
    func estimateManyMillionRows() async throws {
        let survey = SyntheticSurvey.generate(rows: 1_000_000, indicators: 40, seed: 1)
        let table = try survey.table()
        let clock = ContinuousClock()
        var design: SurveyDesign?
        let setup = try clock.measure { design = try SurveyDesign(data: table, weights: "weight", strata: "stratum", clusters: ["cluster"]) }
        let built = try #require(design)
        var results: [IndicatorEstimates] = []
        let groupings: [[String]] = [[], ["sex"], ["age"], ["disability"], ["region"], ["sex", "disability"]]
        let elapsed = try await clock.measure {
            results = try await built.estimateMany(indicators: survey.indicators.map(\.name), groupings: groupings)
        }
        print("table design setup \(setup), estimateMany 1M x 40 x 6 groupings: \(elapsed)")
        #expect(results.count == 240)
    }
}
