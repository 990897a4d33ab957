import Testing
@testable import Forms

@Suite("XLSFormReader: expression syntax")
struct ExpressionSyntaxTests {
    @Test func aSyntaxErrorNamesSheetRowColumnAndCharacter() {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | relevant          |
        |        | integer | a    | A     |                   |
        |        | integer | b    | B     | (${a} > 3))       |
        """)
        expectSingleProblem(problems, row: 3, column: "relevant", containing: "unexpected ')' at character 11")
        #expect(problems.first?.description == "form.xlsx, sheet survey, row 3, column relevant: \(problems.first?.message ?? "")")
    }

    @Test func everyExpressionColumnIsParsed() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name | label | constraint | calculation | required | read_only | choice_filter | repeat_count |
        |        | integer      | a    | A     | . >        |             |          |           |               |              |
        |        | integer      | b    | B     |            | 1 +         |          |           |               |              |
        |        | integer      | c    | C     |            |             | ${a} =   |           |               |              |
        |        | integer      | d    | D     |            |             |          | 1 and     |               |              |
        |        | select_one l | e    | E     |            |             |          |           | x = (         |              |
        |        | begin repeat | r    | R     |            |             |          |           |               | 3 *          |
        |        | end repeat   |      |       |            |             |          |           |               |              |
        | choices |
        |         | list_name | name | label |
        |         | l         | x    | X     |
        """)
        #expect(problems.map(\.row) == [2, 3, 4, 5, 6, 7])
        #expect(problems.map(\.column) == ["constraint", "calculation", "required", "read_only", "choice_filter", "repeat_count"])
    }

    @Test func plainValuesAreNotParsed() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type    | name | label | required | read_only | default    |
        |        | integer | a    | A     | yes      | TRUE      | 5          |
        |        | date    | b    | B     | false()  |           | 2024-01-31 |
        |        | text    | c    | C     | 1        |           | hello there |
        """))
        #expect(form.firstElement(named: "a")?.required == "yes")
        #expect(form.firstElement(named: "c")?.defaultValue == "hello there")
    }

    @Test func dynamicDefaultsAreParsed() {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | default       |
        |        | integer | a    | A     | today() +     |
        """)
        expectSingleProblem(problems, row: 2, column: "default", containing: "at character")
    }

    @Test func instanceNameIsParsed() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | instance_name     |
        |          | concat(${a}, 'x'  |
        """)
        expectSingleProblem(problems, sheet: "settings", row: 2, column: "instance_name", containing: "at character")
    }

    @Test func lastSavedReferencesParseAndKeepPositions() {
        #expect(ExpressionSyntaxCheck.withoutLastSaved("${last-saved#a} + 1") == "${a}            + 1")
        #expect(acceptedForm("""
        | survey |
        |        | type    | name | label | default              |
        |        | integer | a    | A     | ${last-saved#a} + 1  |
        """) != nil)
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | calculation          |
        |        | integer | a    | A     | ${last-saved#a} + )  |
        """)
        expectSingleProblem(problems, row: 2, column: "calculation", containing: "')' at character 19")
    }
}
