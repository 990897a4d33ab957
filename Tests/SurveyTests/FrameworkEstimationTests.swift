import Foundation
import Testing
import Survey

@Suite("Framework estimation in one pass")
struct FrameworkEstimationTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        (a.isNaN && b.isNaN) || a == b || abs(a - b) <= tolerance * max(abs(b), 1e-300)
    }

    static let groupings: [[String]] = [[], ["sex"], ["age"], ["disability"], ["region"], ["sex", "disability"]]

    /// Every indicator (proportions, a total, a ratio) in every domain equals the one-by-one
    /// estimators of ``SurveyDesign`` on the same data, on a design with a lonely stratum.
    @Test func equalsOneByOneEstimates() async throws {
        var survey = SyntheticSurvey.generate(rows: 20_000, indicators: 5, seed: 11, strata: 10, clusters: 200)
        // Cluster 0 alone in stratum 99: a lonely PSU.
        for row in 0..<survey.rowCount where survey.clusters[row] == 0 { survey.strata[row] = 99 }
        // A mean, a total and a ratio besides the proportions.
        let i1 = survey.indicators[0].values
        let i2 = survey.indicators[1].values
        survey.indicators[2].kind = .mean
        survey.indicators[3].kind = .total
        survey.indicators.append(.ratio(name: "i1/i2", numerator: i1, denominator: i2))

        let coded = try survey.design()
        #expect(coded.lonelyStrata == [99])
        let batch = try await FrameworkEstimation.run(
            design: coded, indicators: survey.indicators, dimensions: survey.dimensions,
            crossings: [["sex", "disability"]])
        let table = try survey.table()
        let design = try SurveyDesign(data: table, weights: "weight", strata: "stratum", clusters: ["cluster"])
        #expect(design.lonelyStrata == ["99"])

        var compared = 0
        for indicator in survey.indicators {
            let statistic: Statistic = switch indicator.kind {
            case .proportion, .mean: .mean(indicator.name)
            case .total: .total(indicator.name)
            case .ratio: .ratio(numerator: "i1", denominator: "i2")
            }
            for grouping in Self.groupings {
                let expected = try design.estimates(statistic, by: grouping, interval: .wald)
                let found = batch.filter { $0.indicator == indicator.name && $0.dimensions == grouping }
                #expect(found.count == expected.levels.count, "\(indicator.name) by \(grouping)")
                for result in found {
                    let label = "\(indicator.name) by \(grouping) = \(result.levels)"
                    let one = try #require(expected.estimates.indices.first { expected.levels[$0] == result.levels }.map { expected.estimates[$0] }, "\(label)")
                    let got = result.estimate
                    #expect(Self.close(got.value, one.value), "\(label): \(got.value) vs \(one.value)")
                    #expect(Self.close(got.standardError, one.standardError), "\(label): SE \(got.standardError) vs \(one.standardError)")
                    #expect(got.degreesOfFreedom == one.degreesOfFreedom, "\(label)")
                    #expect(got.sampleSize == one.sampleSize, "\(label)")
                    #expect(Self.close(got.weightedSize, one.weightedSize), "\(label)")
                    #expect(Self.close(got.designEffect ?? -1, one.designEffect ?? -1, 1e-8), "\(label): deff")
                    #expect(got.notes == one.notes, "\(label)")
                    compared += 1
                }
            }
        }
        // 6 indicators x (1 + 2 + 5 + 2 + 8 + 4) domains.
        #expect(compared == 6 * 22)
        // Proportions default to logit intervals, other statistics to t intervals.
        #expect(batch.first { $0.indicator == "i1" }?.estimate.interval?.method == .logit)
        #expect(batch.first { $0.indicator == "i4" }?.estimate.interval?.method == .wald)
    }

    @Test func syntheticSurveyIsReproducible() {
        let first = SyntheticSurvey.generate(rows: 1_000, indicators: 3, seed: 5)
        let second = SyntheticSurvey.generate(rows: 1_000, indicators: 3, seed: 5)
        let other = SyntheticSurvey.generate(rows: 1_000, indicators: 3, seed: 6)
        #expect(first.weights == second.weights)
        #expect(first.dimensions == second.dimensions)
        #expect(first.weights != other.weights)
        #expect(Set(first.clusters).count == 1_000)
        #expect(Set(SyntheticSurvey.generate(rows: 10_000, indicators: 1).clusters).count == 2_000)
    }

    @Test func inputErrorsNameTheColumn() async throws {
        let survey = SyntheticSurvey.generate(rows: 100, indicators: 1, clusters: 20)
        let design = try survey.design()
        let short = CodedIndicator(name: "short", kind: .mean, values: [1, 2])
        await #expect(throws: FrameworkEstimationError.lengthMismatch(column: "short", rows: 2, expected: 100)) {
            try await FrameworkEstimation.run(design: design, indicators: [short], dimensions: survey.dimensions)
        }
        await #expect(throws: FrameworkEstimationError.unknownDimension("tenure")) {
            try await FrameworkEstimation.run(
                design: design, indicators: survey.indicators, dimensions: survey.dimensions, crossings: [["sex", "tenure"]])
        }
        var bad = survey.dimensions[0]
        bad.codes[3] = 2
        await #expect(throws: FrameworkEstimationError.codeWithoutLabel(dimension: "sex", row: 4, code: 2)) {
            try await FrameworkEstimation.run(design: design, indicators: survey.indicators, dimensions: [bad])
        }
        #expect(throws: DesignError.clusterInSeveralStrata(column: "clusters", cluster: "1", strata: ["0", "1"])) {
            try CodedDesign(strata: [0, 1], clusters: [1, 1], weights: [1, 1])
        }
        #expect(throws: DesignError.lengthMismatch(column: "strata", rows: 1, expected: 2)) {
            try CodedDesign(strata: [0], weights: [1, 1])
        }
    }

    /// The benchmark: 1,000,000 rows x 40 binary indicators, overall + sex, age band,
    /// disability, region + sex x disability, with SEs. Run with COUNTED_BENCH=1 in release.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["COUNTED_BENCH"] == "1"))
    func millionRowsTiming() async throws {
        let clock = ContinuousClock()
        var generated: SyntheticSurvey?
        let generation = clock.measure { generated = SyntheticSurvey.generate(rows: 1_000_000, indicators: 40, seed: 1) }
        let survey = try #require(generated)
        var built: CodedDesign?
        let setup = try clock.measure { built = try survey.design() }
        let design = try #require(built)
        var timings: [Duration] = []
        var results: [IndicatorDomainEstimate] = []
        for _ in 0..<5 {
            timings.append(try await clock.measure {
                results = try await FrameworkEstimation.run(
                    design: design, indicators: survey.indicators, dimensions: survey.dimensions,
                    crossings: [["sex", "disability"]])
            })
        }
        print("generation \(generation), design setup \(setup), estimation runs \(timings.map(\.description)), best \(timings.min() ?? .zero)")
        #expect(results.count == 40 * 22)
    }
}
