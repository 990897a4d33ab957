import Testing
@testable import Forms

@Suite("XLSFormReader: collecting problems")
struct ProblemOrderTests {
    @Test func everyProblemIsReportedInSheetAndRowOrder() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label | relevant |
        |        | text          | 1a   | A     |          |
        |        | select_one zz | b    | B     |          |
        |        | foo           | c    | C     |          |
        |        | text          | d    |       | ${nope}  |
        |        | end group     |      |       |          |
        | choices |
        |         | list_name | name | label |
        |         | yn        |      | No    |
        |         | yn        | y    | Yes   |
        |         | yn        | y    | Yes   |
        """)
        #expect(problems.map(\.sheet) == ["survey", "survey", "survey", "survey", "survey", "survey", "choices", "choices"])
        #expect(problems.map(\.row) == [2, 3, 4, 5, 5, 6, 2, 4])
        #expect(problems.map(\.column) == ["name", "type", "type", "relevant", "label", "type", "name", "name"])
    }

    @Test func theErrorDescriptionHasOneLinePerProblem() {
        do {
            _ = try readForm("""
            | survey |
            |        | type | name | label |
            |        | text | a    |       |
            |        | text | a    | B     |
            """)
            Issue.record("expected a refusal")
        } catch {
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("form.xlsx, sheet survey, row 2, column label: "))
            #expect(lines[1].hasPrefix("form.xlsx, sheet survey, row 3, column name: "))
        }
    }

    @Test func warningsDoNotRefuseTheForm() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name | label |
        |        | begin repeat | r    |       |
        |        | text         | a    | A     |
        |        | text         | A    | A     |
        |        | end repeat   |      |       |
        """))
        #expect(form.warnings.map(\.row) == [2, 4])
    }
}
