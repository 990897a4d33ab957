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
    /// estimators of ``SurveyDesign`` on the same data, on a design with a lonely stratum, with
    /// per-PSU sums (one pass) and with the streaming second pass (memory budget 0).
    @Test(arguments: [512 << 20, 0])
    func equalsOneByOneEstimates(memoryBudget: Int) async throws {
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
            crossings: [["sex", "disability"]], memoryBudget: memoryBudget)
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

    /// The framework pass against R survey 4.1.1 directly, on a synthetic survey with a lonely
    /// stratum. The survey was written to synth.csv (dimensions as labels, NA for missing) and:
    /// ```r
    /// library(survey); options(survey.lonely.psu = "adjust", digits = 15)
    /// d <- read.csv("synth.csv")
    /// des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d)
    /// svymean(~i1, des, na.rm = TRUE)
    /// for (g in list(~sex, ~age, ~disability, ~region, ~sex + disability))
    ///   print(svyby(~i1, g, des, svymean, na.rm = TRUE))
    /// svytotal(~i2, des, na.rm = TRUE); svyby(~i2, ~region, des, svytotal, na.rm = TRUE)
    /// svyratio(~i1, ~i2, subset(des, !is.na(i1) & !is.na(i2)))
    /// ```
    @Test func matchesRSurvey() async throws {
        var survey = SyntheticSurvey.generate(rows: 3_000, indicators: 2, seed: 3, strata: 5, clusters: 41)
        for row in 0..<survey.rowCount where survey.clusters[row] == 40 { survey.strata[row] = 9 }
        let i1 = survey.indicators[0].values
        let i2 = survey.indicators[1].values
        survey.indicators[1].kind = .total
        survey.indicators.append(.ratio(name: "i1/i2", numerator: i1, denominator: i2))
        let results = try await FrameworkEstimation.run(
            design: try survey.design(), indicators: survey.indicators, dimensions: survey.dimensions,
            crossings: [["sex", "disability"]])
        func check(_ indicator: String, _ dimensions: [String], _ levels: [String], _ value: Double, _ se: Double) {
            let found = results.first { $0.indicator == indicator && $0.dimensions == dimensions && $0.levels == levels }
            #expect(found != nil, "\(indicator) \(levels)")
            guard let estimate = found?.estimate else { return }
            #expect(Self.close(estimate.value, value, 1e-12), "\(indicator) \(levels): \(estimate.value) vs \(value)")
            #expect(Self.close(estimate.standardError, se, 1e-11), "\(indicator) \(levels): SE \(estimate.standardError) vs \(se)")
        }
        check("i1", [], [], 0.429781040150875, 0.0165899553520647)
        check("i1", ["sex"], ["female"], 0.43227670130288, 0.0216596776621192)
        check("i1", ["sex"], ["male"], 0.427274194205006, 0.0156552326871386)
        let ages: [(String, Double, Double)] = [
            ("0-14", 0.376319412062337, 0.0279002216545065), ("15-24", 0.377035644927354, 0.0246700555987128),
            ("25-44", 0.454929800066179, 0.0285087941679411), ("45-64", 0.476429355148503, 0.023015512400006),
            ("65+", 0.466116791865605, 0.0264020410481078),
        ]
        for (level, value, se) in ages { check("i1", ["age"], [level], value, se) }
        check("i1", ["disability"], ["no"], 0.436388943681123, 0.0170404432505352)
        check("i1", ["disability"], ["yes"], 0.402881213611602, 0.0310801769826837)
        let regions: [(Double, Double)] = [
            (0.463398251448772, 0.0332456434927656), (0.452728299282252, 0.0471125779901569),
            (0.389010373949705, 0.0274832933909903), (0.435943337465805, 0.0238239641431639),
            (0.492711018383495, 0.067676418655453), (0.356416053682649, 0.0369526072361635),
            (0.491326557157286, 0.0393765739359378), (0.431830366260961, 0.0446930215942443),
        ]
        for (index, (value, se)) in regions.enumerated() { check("i1", ["region"], ["region \(index + 1)"], value, se) }
        check("i1", ["sex", "disability"], ["female", "no"], 0.449287219151308, 0.0223872457761684)
        check("i1", ["sex", "disability"], ["male", "no"], 0.423154801683169, 0.0169539166797269)
        check("i1", ["sex", "disability"], ["female", "yes"], 0.353519676550635, 0.0362994326288929)
        check("i1", ["sex", "disability"], ["male", "yes"], 0.445066477519406, 0.0385514232864329)
        check("i2", [], [], 227473.744884095, 15297.3921691512)
        let regionTotals: [(Double, Double)] = [
            (18446.2326167593, 9276.57268034908), (36843.285046038, 12565.3447348771), (44702.5290306639, 17763.1053122136),
            (21781.5267907137, 11051.2021070777), (24401.9524018971, 13308.3431607086), (33662.4938023178, 12516.9946304659),
            (12290.5727486072, 8921.00195228319), (35345.1524470984, 14148.2998457549),
        ]
        for (index, (value, se)) in regionTotals.enumerated() { check("i2", ["region"], ["region \(index + 1)"], value, se) }
        check("i1/i2", [], [], 0.680912500565088, 0.0370201932490077)
    }

    /// Without clusters each row is a PSU: the streaming strategy is chosen, and the results
    /// still equal the one-by-one estimates.
    @Test func rowsAsPSUs() async throws {
        let survey = SyntheticSurvey.generate(rows: 3_000, indicators: 2, seed: 8, strata: 4, clusters: 60)
        let coded = try CodedDesign(strata: survey.strata, weights: survey.weights)
        #expect(coded.psuCount == 3_000)
        let groupings: [[String]] = [[], ["region"], ["sex", "age"]]
        let batch = try await FrameworkEstimation.run(
            design: coded, indicators: survey.indicators, dimensions: survey.dimensions, groupings: groupings,
            memoryBudget: 1 << 16)
        let design = try SurveyDesign(data: try survey.table(), weights: "weight", strata: "stratum")
        for grouping in groupings {
            let expected = try design.estimates(.mean("i2"), by: grouping)
            let found = batch.filter { $0.indicator == "i2" && $0.dimensions == grouping }
            #expect(found.count == expected.levels.count)
            for (result, one) in zip(found, expected.estimates) {
                #expect(Self.close(result.estimate.value, one.value))
                #expect(Self.close(result.estimate.standardError, one.standardError), "\(grouping) \(result.levels)")
                #expect(result.estimate.degreesOfFreedom == one.degreesOfFreedom)
            }
        }
    }

    /// A dimension with many levels (a district per cluster) makes the crossing of all
    /// dimensions too large to sum counts into; they are then summed per base cell, with the
    /// same results.
    @Test func manyLevelsWithoutFinestCrossing() async throws {
        var survey = SyntheticSurvey.generate(rows: 3_000, indicators: 1, seed: 9, strata: 5, clusters: 300)
        survey.dimensions.append(CodedDimension(
            name: "district", labels: (0..<300).map { "d\($0)" }, codes: survey.clusters))
        let groupings: [[String]] = [[], ["district"], ["sex", "age"], ["sex"]]
        let batch = try await FrameworkEstimation.run(
            design: try survey.design(), indicators: survey.indicators, dimensions: survey.dimensions, groupings: groupings)
        var table = try survey.table()
        table = try table.replacing("district", with: .text(survey.clusters.map { "d\($0)" }))
        let design = try SurveyDesign(data: table, weights: "weight", strata: "stratum", clusters: ["cluster"])
        for grouping in groupings {
            let expected = try design.estimates(.mean("i1"), by: grouping)
            let found = batch.filter { $0.dimensions == grouping }
            #expect(found.count == expected.levels.count)
            for result in found {
                let one = try #require(expected.index(of: result.levels).map { expected.estimates[$0] })
                #expect(Self.close(result.estimate.value, one.value))
                // A district is one cluster: its mean has no variance, and both give 0 up to
                // rounding (the one-by-one sum of row influences leaves ~1e-17).
                if one.standardError < 1e-14 {
                    #expect(result.estimate.standardError < 1e-14)
                } else {
                    #expect(Self.close(result.estimate.standardError, one.standardError), "\(grouping) \(result.levels)")
                    #expect(Self.close(result.estimate.designEffect ?? -1, one.designEffect ?? -1, 1e-8))
                }
                #expect(result.estimate.sampleSize == one.sampleSize)
            }
        }
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
        // The streaming strategy (two passes), and a design with one row per PSU, for comparison.
        let streaming = try await clock.measure {
            results = try await FrameworkEstimation.run(
                design: design, indicators: survey.indicators, dimensions: survey.dimensions,
                crossings: [["sex", "disability"]], memoryBudget: 0)
        }
        let rowsAsPSUs = try CodedDesign(strata: survey.strata, weights: survey.weights)
        let unclustered = try await clock.measure {
            results = try await FrameworkEstimation.run(
                design: rowsAsPSUs, indicators: survey.indicators, dimensions: survey.dimensions,
                crossings: [["sex", "disability"]])
        }
        print("streaming strategy \(streaming), one row per PSU \(unclustered)")
    }
}
