import Testing
import Survey

/// Quantiles and raking against values computed with R survey 4.1.1.
@Suite("Quantiles and raking")
struct QuantileAndRakingTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    @Test func quantilesMatchSvyquantile() throws {
        let data = try ReferenceData.loaded.get()
        let strat = try #require(data.designs["strat"])
        // svyquantile(~api00, dstrat, c(0.25, 0.5, 0.9)): quantile, CI, SE.
        let expected: [(Double, Double, Double, Double, Double)] = [
            (0.25, 565, 535, 597, 15.7194511320391),
            (0.5, 668, 642, 694, 13.1840557881618),
            (0.9, 836, 806, 865, 14.9588325288759),
        ]
        for (p, value, lower, upper, se) in expected {
            let estimate = try strat.quantile("api00", probability: p)
            #expect(estimate.value == value)
            #expect(estimate.interval?.lower == lower)
            #expect(estimate.interval?.upper == upper)
            #expect(Self.relative(estimate.standardError, se) < 1e-9)
        }
        let clus2 = try #require(data.designs["clus2"])
        let median = try clus2.quantile("enroll", probability: 0.5)
        #expect(median.value == 408 && median.interval?.lower == 282 && median.interval?.upper == 825)
        #expect(Self.relative(median.standardError, 133.995168254705) < 1e-9)
        // svyby(~api00, ~stype, dstrat, svyquantile, quantiles = 0.5)
        let high = try strat.quantile("api00", probability: 0.5, in: Domain("stype", equals: "H"))
        #expect(high.value == 635)
        #expect(Self.relative(high.standardError, 19.6558950718498) < 1e-9)
    }

    /// rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide)) from R's examples.
    @Test func rakingConvergesAndMatchesR() throws {
        let clus1 = try ReferenceData.table("apiclus1.csv")
        let design = try SurveyDesign(data: clus1, weights: "pw", clusters: ["dnum"], fpc: ["fpc"])
        let raked = try design.raked(to: [
            RakingMargin(column: "stype", population: ["E": 4421, "H": 755, "M": 1018]),
            RakingMargin(column: "sch.wide", population: ["No": 1072, "Yes": 5122]),
        ])
        #expect(raked.rakingConverged == true)
        // The last margin is matched exactly, the first within the convergence tolerance.
        let schoolWide = try raked.estimates(.total("api00"), by: ["sch.wide"])
        _ = schoolWide
        var bySchWide: [String: Double] = [:]
        var byType: [String: Double] = [:]
        for row in 0..<raked.rowCount {
            bySchWide[clus1["sch.wide"]?.label(at: row) ?? "", default: 0] += raked.weights[row]
            byType[clus1["stype"]?.label(at: row) ?? "", default: 0] += raked.weights[row]
        }
        #expect(abs((bySchWide["Yes"] ?? 0) - 5122) < 1e-8)
        #expect(abs((byType["E"] ?? 0) - 4420.96334412761) < 1e-6)
        #expect(abs((byType["H"] ?? 0) - 755.00902837842) < 1e-6)

        let mean = try raked.mean("api00")
        #expect(Self.relative(mean.value, 641.23024686220879) < 1e-9)
        #expect(Self.relative(mean.standardError, 23.70364124023768) < 1e-9)
        let total = try raked.total("enroll")
        #expect(Self.relative(total.value, 3647300.0313143106) < 1e-9)
        #expect(Self.relative(total.standardError, 400602.7197336193) < 1e-9)
        let byTypeMeans = try raked.estimates(.mean("api00"), by: ["stype"])
        #expect(Self.relative(byTypeMeans["H"]?.standardError ?? 0, 36.74300305597975) < 1e-9)
        #expect(Self.relative(byTypeMeans["M"]?.value ?? 0, 629.0216357228292) < 1e-9)
    }

    @Test func rakingThatStopsEarlyIsNoted() throws {
        let clus1 = try ReferenceData.table("apiclus1.csv")
        let design = try SurveyDesign(data: clus1, weights: "pw", clusters: ["dnum"], fpc: ["fpc"])
        let raked = try design.raked(to: [
            RakingMargin(column: "stype", population: ["E": 4421, "H": 755, "M": 1018]),
            RakingMargin(column: "sch.wide", population: ["No": 1072, "Yes": 5122]),
        ], maxIterations: 1, tolerance: 1e-12)
        #expect(raked.rakingConverged == false)
        #expect(try raked.mean("api00").notes.contains(.rakingNotConverged(iterations: 1)))
    }

    @Test func populationErrors() throws {
        let data = try SurveyTable(csv: "g,y\na,1\nb,2\n")
        let design = try SurveyDesign(data: data)
        #expect(throws: DesignError.populationMissingLevel(column: "g", level: "b")) {
            try design.postStratified(by: "g", population: ["a": 10])
        }
        #expect(throws: DesignError.levelAbsentFromSample(column: "g", level: "c")) {
            try design.postStratified(by: "g", population: ["a": 10, "b": 5, "c": 1])
        }
        let partial = try design.postStratified(by: "g", population: ["a": 10, "b": 5, "c": 1], partial: true)
        #expect(partial.weights == [10, 5])
    }
}
