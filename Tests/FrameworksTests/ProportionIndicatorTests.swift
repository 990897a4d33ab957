import Foundation
import Testing
import Forms
import Frameworks

@Suite("Proportion indicators")
struct ProportionIndicatorTests {
    private let form: Questionnaire = {
        let csv = """
            survey,,,
            ,type,name,label
            ,select_one yn,in_school,Does the child attend school?
            ,select_one region,region,Region
            ,integer,age,Age
            ,select_one yn,has_water,Does the household have water?
            choices,,,
            ,list_name,name,label
            ,yn,yes,Yes
            ,yn,no,No
            ,region,north,North
            ,region,south,South
            ,region,east,East
            settings,,,
            ,form_id,,
            ,schools,,
            """
        do { return try XLSFormCSV.read(csv, fileName: "schools.csv", fallbackFormID: "schools") }
        catch { fatalError("test form does not read: \(error)") }
    }()

    private func indicator(
        code: String = "EDU-1", title: String = "Children in school", formID: String = "schools",
        field: String = "in_school", value: String = "yes", disaggregateBy: String? = "region"
    ) -> ProportionIndicator {
        ProportionIndicator(code: code, title: title, formID: formID, field: field, value: value, disaggregateBy: disaggregateBy)
    }

    private func problems(_ indicator: ProportionIndicator, sourceLocation: SourceLocation = #_sourceLocation) -> [IndicatorProblem] {
        do {
            try indicator.validate(against: form)
            Issue.record("expected the indicator to be refused", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: validation

    @Test func validDefinitionPasses() throws {
        try indicator().validate(against: form)
        try indicator(code: "a.b_c-1", disaggregateBy: nil).validate(against: form)
        try indicator(code: String(repeating: "X", count: 40)).validate(against: form)
    }

    @Test(arguments: ["", "EDU 1", "EDU/1", "ÉDU", String(repeating: "X", count: 41)])
    func invalidCode(code: String) {
        #expect(problems(indicator(code: code)).map(\.property) == ["code"])
    }

    @Test func emptyTitle() {
        #expect(problems(indicator(title: "  ")).map(\.property) == ["title"])
    }

    @Test func formMismatch() {
        let found = problems(indicator(formID: "other"))
        #expect(found.map(\.property) == ["formID"])
        #expect(found.first?.message.contains("'other'") == true)
        #expect(found.first?.message.contains("'schools'") == true)
    }

    @Test func fieldUnknownOrNotSelectOne() {
        #expect(problems(indicator(field: "shoe")).map(\.property) == ["field"])
        let integer = problems(indicator(field: "age"))
        #expect(integer.map(\.property) == ["field"])
        #expect(integer.first?.message.contains("integer") == true)
    }

    @Test func valueNotAChoiceListsAllowedOnes() {
        let found = problems(indicator(value: "maybe"))
        #expect(found == [IndicatorProblem(property: "value", message: "'maybe' is not a choice of question 'in_school'. Allowed: yes, no.")])
    }

    @Test func disaggregationProblems() {
        #expect(problems(indicator(disaggregateBy: "district")).map(\.property) == ["disaggregateBy"])
        #expect(problems(indicator(disaggregateBy: "age")).map(\.property) == ["disaggregateBy"])
        let same = problems(indicator(disaggregateBy: "in_school"))
        #expect(same.map(\.property) == ["disaggregateBy"])
    }

    @Test func everyProblemIsCollected() {
        let found = problems(indicator(code: "bad code", title: "", formID: "x", field: "in_school", value: "maybe", disaggregateBy: "age"))
        #expect(found.map(\.property) == ["code", "title", "formID", "value", "disaggregateBy"])
        let error = IndicatorDefinitionError(problems: found)
        #expect(error.description.split(separator: "\n").count == 5)
    }

    // MARK: computation

    /// (in_school, region) per submission; nil = not answered.
    private let data: [(String?, String?)] = [
        ("yes", "north"), ("no", "north"), ("yes", "north"),
        ("yes", "south"), (nil, "south"), ("no", "south"),
        ("yes", nil),
        (nil, nil),
    ]

    private var submissions: [[Answer]] {
        data.map { inSchool, region in
            var answers = [Answer(field: "age", value: .integer(9))]
            if let inSchool { answers.append(Answer(field: "in_school", value: .choice(inSchool))) }
            if let region { answers.append(Answer(field: "region", value: .choice(region))) }
            return answers
        }
    }

    /// Count and total for a region (nil = everyone), computed directly from `data`.
    private func tally(_ region: String?) -> (count: Int, total: Int) {
        let rows = data.filter { $0.0 != nil && (region == nil || $0.1 == region) }
        return (rows.filter { $0.0 == "yes" }.count, rows.count)
    }

    @Test func computesOverallAndByRegionInChoiceOrder() {
        let result = indicator().compute(submissions: submissions, questionnaire: form)
        #expect(result.code == "EDU-1")
        #expect(result.title == "Children in school")
        #expect(result.valueLabel == "Yes")
        #expect(result.dimension == "region")
        #expect(result.dimensionLabel == "Region")
        #expect(result.rows.map(\.group) == [nil, "north", "south", "east"])
        #expect(result.rows.map(\.groupLabel) == ["All respondents", "North", "South", "East"])

        for row in result.rows {
            let (count, total) = tally(row.group)
            #expect(row.count == count, "count for \(row.groupLabel)")
            #expect(row.total == total, "total for \(row.groupLabel)")
            #expect(row.share == (total == 0 ? nil : Double(count) / Double(total)))
        }
        // Spelled out: 6 answered, 4 yes; north 2/3; south 1/2; east no data.
        #expect(result.rows[0].count == 4 && result.rows[0].total == 6)
        #expect(result.rows[3].share == nil)
    }

    @Test func withoutDisaggregationOnlyTheOverallRow() throws {
        let result = indicator(value: "no", disaggregateBy: nil).compute(submissions: submissions, questionnaire: form)
        #expect(result.dimension == nil)
        #expect(result.dimensionLabel == nil)
        #expect(result.valueLabel == "No")
        let (yes, total) = tally(nil)
        #expect(result.rows.count == 1)
        let row = try #require(result.rows.first)
        #expect(row.group == nil && row.groupLabel == "All respondents")
        #expect(row.count == total - yes && row.total == total)
        let share = Double(total - yes) / Double(total)
        #expect(row.share == share)
        // Each respondent a unit sampled with replacement; those who did not answer stay in the
        // design with nothing to add (R's na.rm = TRUE): SE = sqrt(N / (N - 1) * p (1 - p) / n).
        let units = Double(submissions.count)
        let se = try #require(row.standardError)
        #expect(abs(se - (units / (units - 1) * share * (1 - share) / Double(total)).squareRoot()) < 1e-12)
        #expect((row.ciLow ?? 1) < share && share < (row.ciHigh ?? 0))
    }

    @Test func noSubmissionsMeansNoData() {
        let result = indicator().compute(submissions: [], questionnaire: form)
        #expect(result.rows.count == 4)
        #expect(result.rows.allSatisfy { $0.count == 0 && $0.total == 0 && $0.share == nil })
    }

    @Test func groupThatIsNoLongerAChoiceGetsItsOwnRow() {
        let extra = submissions + [[Answer(field: "in_school", value: .choice("yes")), Answer(field: "region", value: .choice("west"))]]
        let result = indicator().compute(submissions: extra, questionnaire: form)
        #expect(result.rows.map(\.group) == [nil, "north", "south", "east", "west"])
        #expect(result.rows.last?.groupLabel == "west")
        #expect(result.rows.last?.count == 1)
        #expect(result.rows.first?.total == tally(nil).total + 1)
    }

    @Test func resultAndDefinitionAreCodable() throws {
        let definition = indicator()
        let decoded = try JSONDecoder().decode(ProportionIndicator.self, from: JSONEncoder().encode(definition))
        #expect(decoded == definition)
        let result = definition.compute(submissions: submissions, questionnaire: form)
        #expect(try JSONDecoder().decode(IndicatorResult.self, from: JSONEncoder().encode(result)) == result)
    }
}
