import Foundation
import Testing
import Survey

/// The request and report `counted estimate` prints: columns, order, number text, errors.
@Suite("Estimation requests and reports")
struct EstimationRequestTests {
    static let data = """
    id,group,weight,score,answer
    1,a,2,10,yes
    2,a,2,20,no
    3,b,1,30,yes
    4,b,1,,yes
    5,"c, d",4,50,no
    """

    @Test func domainsPrintOverallFirstThenEachLevelWithN() throws {
        let table = try SurveyTable(csv: Self.data)
        let report = try EstimationRequest(design: DesignColumns(weights: "weight"), statistic: .mean("score"), by: "group").run(on: table)
        let lines = report.csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "domain,estimate,se,ci_low,ci_high,n")
        #expect(lines.count == 5)
        // Weighted mean by hand: (2*10 + 2*20 + 1*30 + 4*50) / (2 + 2 + 1 + 4) = 290 / 9; row 4 has no score.
        let overall = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(overall[0] == "")
        #expect(Double(overall[1]) == 290.0 / 9.0)
        #expect(overall[5] == "4")
        #expect(lines[2].hasPrefix("a,15.0,"))
        #expect(lines[2].hasSuffix(",2"))
        #expect(lines[3].hasPrefix("b,30.0,"))
        #expect(lines[4].hasPrefix("\"c, d\",50.0,"), "a level with a comma is quoted")
    }

    @Test func numbersReadBackExactly() throws {
        let table = try SurveyTable(csv: Self.data)
        let request = EstimationRequest(design: DesignColumns(weights: "weight"), statistic: .proportion("answer", level: "yes"))
        let report = try request.run(on: table)
        guard case .domains(let rows) = report else { Issue.record("expected domain rows"); return }
        let printed = try SurveyTable(csv: report.csv)
        #expect(printed["estimate"]?.numbers?[0] == rows[0].estimate.value)
        #expect(printed["se"]?.numbers?[0] == rows[0].estimate.standardError)
        #expect(printed["ci_low"]?.numbers?[0] == rows[0].estimate.interval?.lower)
    }

    @Test func comparisonPrintsOneContrastRow() throws {
        let table = try SurveyTable(csv: Self.data)
        let report = try EstimationRequest(design: DesignColumns(weights: "weight"), statistic: .mean("score"),
                                           comparison: .init(column: "group", first: "b", second: "a")).run(on: table)
        let lines = report.csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "contrast,estimate,se,ci_low,ci_high")
        #expect(lines[1].hasPrefix("b minus a,15.0,"))
    }

    @Test func jsonCarriesTheSameNumbersAndMore() throws {
        let table = try SurveyTable(csv: Self.data)
        let report = try EstimationRequest(design: DesignColumns(weights: "weight"), statistic: .mean("score"), by: "group").run(on: table)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [[String: Any]])
        #expect(objects.count == 4)
        #expect(objects[0]["domain"] is NSNull)
        #expect(objects[1]["domain"] as? String == "a")
        #expect(objects[1]["estimate"] as? Double == 15)
        #expect(objects[1]["n"] as? Int == 2)
        #expect(objects[1]["df"] != nil && objects[1]["notes"] is [Any])
    }

    @Test func errorsNameTheColumnOrRow() throws {
        let table = try SurveyTable(csv: Self.data)
        #expect(throws: EstimationRequestError.self) {
            try EstimationRequest(statistic: .mean("height")).run(on: table)
        }
        do {
            _ = try EstimationRequest(statistic: .mean("height")).run(on: table)
        } catch {
            #expect(error.description.contains("height"))
        }
        let population = try SurveyTable(csv: "group,Freq\na,100\nb,\n")
        do {
            _ = try EstimationRequest.PostStratification(column: "group", table: population)
            Issue.record("a population table with an empty count must be refused")
        } catch {
            #expect(error.description.contains("Row 3"))
        }
        let counts = try EstimationRequest.PostStratification(column: "group", table: try SurveyTable(csv: "group,Freq\na,100\nb,50\n"))
        #expect(counts.population == ["a": 100, "b": 50])
    }
}
