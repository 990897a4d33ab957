import Testing
import Survey

@Suite("Survey designs")
struct DesignTests {
    static func table(_ csv: String) throws -> SurveyTable { try SurveyTable(csv: csv) }

    @Test func fpcBelowSampleSizeNamesColumnAndStratum() throws {
        var csv = "stype,fpc,y\n"
        for _ in 0..<3 { csv += "E,2,1\n" }
        csv += "H,10,2\nH,10,3\n"
        let error = #expect(throws: DesignError.self) {
            try SurveyDesign(data: try Self.table(csv), strata: "stype", fpc: ["fpc"])
        }
        #expect(error?.description == "Column 'fpc' has 2 in stratum 'E', but the stratum has 3 sampled units.")
    }

    @Test func missingValuesAndColumnsAreNamed() throws {
        let data = try Self.table("s,w,y\nA,1,1\n,2,2\nB,1,1\n")
        let missing = #expect(throws: DesignError.self) { try SurveyDesign(data: data, weights: "w", strata: "s") }
        #expect(missing?.description == "Column 's' is empty in row 2; every row needs a value there.")
        #expect(throws: DesignError.missingColumn("pw")) { try SurveyDesign(data: data, weights: "pw") }
        let negative = try Self.table("w\n1\n-2\n")
        #expect(throws: DesignError.invalidWeight(column: "w", row: 2, value: -2)) { try SurveyDesign(data: negative, weights: "w") }
    }

    @Test func fpcMustBeConstantInStratum() throws {
        let data = try Self.table("s,f\nA,10\nA,11\n")
        let error = #expect(throws: DesignError.self) { try SurveyDesign(data: data, strata: "s", fpc: ["f"]) }
        #expect(error?.description == "Column 'f' has 11 in row 2, but 10 elsewhere in stratum 'A'; the fpc must be the same throughout a stratum.")
    }

    @Test func clustersMustBeNestedUnlessAskedToNest() throws {
        let data = try Self.table("s,c,y\nA,1,1\nA,2,2\nB,1,3\nB,2,4\n")
        #expect(throws: DesignError.clusterInSeveralStrata(column: "c", cluster: "1", strata: ["A", "B"])) {
            try SurveyDesign(data: data, strata: "s", clusters: ["c"])
        }
        let nested = try SurveyDesign(data: data, strata: "s", clusters: ["c"], nest: true)
        #expect(nested.degreesOfFreedom == 2)
    }

    @Test func fpcAsFractionEqualsFpcAsPopulation() throws {
        let sizes = try SurveyDesign(data: try Self.table("s,f,y\nA,10,1\nA,10,4\nA,10,2\nB,4,5\nB,4,7\n"), strata: "s", fpc: ["f"])
        let fractions = try SurveyDesign(data: try Self.table("s,f,y\nA,0.3,1\nA,0.3,4\nA,0.3,2\nB,0.5,5\nB,0.5,7\n"), strata: "s", fpc: ["f"])
        let a = try sizes.mean("y")
        let b = try fractions.mean("y")
        #expect(abs(a.value - b.value) < 1e-12)
        #expect(abs(a.standardError - b.standardError) < 1e-12)
        let third: Double = 10.0 / 3
        let expectedWeights: [Double] = [third, third, third, 2, 2]
        #expect(sizes.weights == expectedWeights)
    }

    @Test func weightsFromFpcAndEqualWeights() throws {
        let data = try Self.table("y\n1\n2\n3\n")
        let plain = try SurveyDesign(data: data)
        #expect(plain.weights == [1, 1, 1])
        #expect(plain.degreesOfFreedom == 2)
    }
}
