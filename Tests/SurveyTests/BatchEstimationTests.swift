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

    /// 1,000,000 rows x 40 binary indicators x 3 groupings; run with COUNTED_BENCH=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["COUNTED_BENCH"] == "1"))
    func estimateManyMillionRows() async throws {
        let rows = 1_000_000
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var columns: [(name: String, column: TableColumn)] = []
        columns.append(("stratum", .numbers((0..<rows).map { Double(($0 / 50) % 10) })))
        columns.append(("psu", .numbers((0..<rows).map { Double($0 / 50) })))
        columns.append(("w", .numbers((0..<rows).map { _ in Double(1 + next() % 5) })))
        for name in ["region", "sex", "age"] {
            let levels: UInt64 = name == "region" ? 8 : (name == "sex" ? 2 : 5)
            columns.append((name, .text((0..<rows).map { _ in "\(next() % levels)" })))
        }
        var indicators: [String] = []
        for index in 0..<40 {
            indicators.append("i\(index)")
            columns.append(("i\(index)", .numbers((0..<rows).map { _ in next() % 10 == 0 ? nil : Double(next() % 2) })))
        }
        let table = try SurveyTable(columns: columns)
        let clock = ContinuousClock()
        var design: SurveyDesign?
        let setup = try clock.measure { design = try SurveyDesign(data: table, weights: "w", strata: "stratum", clusters: ["psu"]) }
        let built = try #require(design)
        var results: [IndicatorEstimates] = []
        let elapsed = try await clock.measure {
            results = try await built.estimateMany(indicators: indicators, groupings: [[], ["region"], ["sex", "age"]])
        }
        print("design setup \(setup), 1M x 40 x 3 groupings: \(elapsed)")
        #expect(results.count == 120)
    }
}
