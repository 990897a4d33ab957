import Testing
@testable import Forms

@Suite("XLSFormReader: triggers")
struct TriggerTests {
    @Test func aTriggerPointsAtQuestions() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type    | name | label | trigger      | calculation |
        |        | text    | a    | A     |              |             |
        |        | text    | b    | B     |              |             |
        |        | integer | c    | C     | ${a}, ${b}   | 1           |
        """))
        #expect(form.firstElement(named: "c")?.trigger == "${a}, ${b}")
    }

    @Test func aTriggerMustBeAReference() {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | trigger | calculation |
        |        | text    | a    | A     |         |             |
        |        | integer | c    | C     | a       | 1           |
        """)
        expectSingleProblem(problems, row: 3, column: "trigger", containing: "must be a reference to a question")
    }

    @Test func aTriggerToAMissingQuestionIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | trigger | calculation |
        |        | integer | c    | C     | ${zz}   | 1           |
        """)
        expectSingleProblem(problems, row: 2, column: "trigger", containing: "${zz} does not name a question")
    }

    @Test func aTriggerCannotPointAtAGroup() {
        let problems = formRefusal("""
        | survey |
        |        | type        | name | label | trigger | calculation |
        |        | begin group | g    | G     |         |             |
        |        | text        | a    | A     |         |             |
        |        | end group   |      |       |         |             |
        |        | integer     | c    | C     | ${g}    | 1           |
        """)
        expectSingleProblem(problems, row: 5, column: "trigger", containing: "${g} does not name a question")
    }

    @Test func aTriggerCannotPointAtAHiddenCalculation() {
        let problems = formRefusal("""
        | survey |
        |        | type      | name | label | trigger | calculation |
        |        | calculate | x    |       |         | 1           |
        |        | integer   | c    | C     | ${x}    | 2           |
        """)
        expectSingleProblem(problems, row: 3, column: "trigger", containing: "${x} is not shown")
    }

    @Test func severalReferencesNeedCommas() {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | trigger     | calculation |
        |        | text    | a    | A     |             |             |
        |        | integer | c    | C     | ${a} ${a}   | 1           |
        """)
        expectSingleProblem(problems, row: 3, column: "trigger", containing: "separate the questions of a trigger with commas")
    }

    @Test func backgroundGeopointNeedsATriggerAndNoCalculation() {
        let problems = formRefusal("""
        | survey |
        |        | type                | name | label | trigger | calculation |
        |        | text                | a    | A     |         |             |
        |        | background-geopoint | p    |       |         |             |
        |        | background-geopoint | q    |       | ${a}    | 1           |
        """)
        #expect(problems.map(\.row) == [3, 4])
        #expect(problems.map(\.column) == ["trigger", "calculation"])
    }
}
