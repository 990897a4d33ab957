import Testing
@testable import Forms

@Suite("XLSFormReader: ${name} references")
struct ReferenceTests {
    @Test(arguments: ["relevant", "constraint", "calculation", "required", "default", "read_only", "choice_filter", "hint", "constraint_message", "image"])
    func aReferenceToNoQuestionIsRefusedInAnyColumn(column: String) {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label | \(column)   |
        |        | integer | a    | A     |             |
        |        | integer | b    | B     | ${missing}  |
        """)
        expectSingleProblem(problems, row: 3, column: column, containing: "${missing} refers to a question that does not exist")
    }

    @Test func referencesInRepeatCountAndUnknownColumnsAreChecked() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name | label | repeat_count | remarks     |
        |        | begin repeat | r    | R     | ${n}         |             |
        |        | text         | a    | A     |              | see ${nope} |
        |        | end repeat   |      |       |              |             |
        """)
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.map(\.column) == ["repeat_count", "remarks"])
    }

    @Test func choiceLabelsAndSettingsAreChecked() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label          | filter_col |
        |         | yn        | y    | Yes, ${ghost}  | ${ignored} |
        | settings |
        |          | instance_name      |
        |          | concat(${phantom}) |
        """)
        #expect(problems.count == 2)
        #expect(problems.map(\.sheet) == ["choices", "settings"])
        #expect(problems.map(\.column) == ["label", "instance_name"])
    }

    @Test func aMalformedReferenceNamesItsCharacter() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label | relevant      |
        |        | text | a    | A     |               |
        |        | text | b    | B     | 1 = ${a b}    |
        """)
        expectSingleProblem(problems, row: 3, column: "relevant", containing: "at character 5 is malformed")
    }

    @Test func anUnclosedReferenceIsMalformed() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label      |
        |        | text | a    | Hello ${a  |
        """)
        expectSingleProblem(problems, row: 2, column: "label", containing: "at character 7 is malformed")
    }

    @Test func aReferenceToANameUsedTwiceIsAmbiguous() {
        let problems = formRefusal("""
        | survey |
        |        | type        | name | label | relevant |
        |        | text        | a    | A     |          |
        |        | begin group | g    | G     |          |
        |        | text        | a    | A     |          |
        |        | end group   |      |       |          |
        |        | text        | b    | B     | ${a} = 1 |
        """)
        expectSingleProblem(problems, row: 6, column: "relevant", containing: "${a} is ambiguous")
    }

    @Test func referencesToRepeatChildrenGroupsInstanceIDAndLastSavedAreFine() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name | label | relevant             | calculation            |
        |        | begin repeat | r    | R     |                      |                        |
        |        | text         | a    | A     |                      |                        |
        |        | end repeat   |      |       |                      |                        |
        |        | calculate    | n    |       |                      | count(${r})            |
        |        | text         | b    | B     | ${a} != '' and ${n}  |                        |
        |        | calculate    | c    |       |                      | ${instanceID}          |
        |        | calculate    | d    |       |                      | ${last-saved#b}        |
        """))
        #expect(form.firstElement(named: "b")?.relevant == "${a} != '' and ${n}")
    }

    @Test func instanceIDIsNotReferableWhenOmitted() {
        let problems = formRefusal("""
        | survey |
        |        | type      | name | label | calculation   |
        |        | calculate | c    |       | ${instanceID} |
        | settings |
        |          | omit_instanceID |
        |          | yes             |
        """)
        expectSingleProblem(problems, row: 2, column: "calculation", containing: "${instanceID}")
    }

    @Test func anAuditCannotBeReferred() {
        let problems = formRefusal("""
        | survey |
        |        | type  | name | label | relevant  |
        |        | audit |      |       |           |
        |        | text  | a    | A     | ${audit}  |
        """)
        expectSingleProblem(problems, row: 3, column: "relevant", containing: "${audit}")
    }

    @Test func selectFromPreviousAnswersMustNameAQuestion() {
        let problems = formRefusal("""
        | survey |
        |        | type               | name | label |
        |        | select_one ${nope} | s    | S     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "${nope} refers to a question that does not exist")
    }
}
