import Testing
@testable import Forms

@Suite("XLSFormReader: choices sheet")
struct ChoicesSheetTests {
    @Test func choicesAreReadWithTranslationsMediaAndExtraColumns() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type            | name | label::English (en) | label::French (fr) |
        |        | select_one city | c    | City                | Ville              |
        | choices |
        |         | list name | name | label::English (en) | label::French (fr) | image::English (en) | region |
        |         | city      | par  | Paris               | Paris              | paris.png           | idf    |
        |         | city      | lyo  | Lyon                |                    |                     | ara    |
        """))
        let list = try #require(form.choiceList(named: "city"))
        #expect(list.choices.map(\.name) == ["par", "lyo"])
        #expect(list.choices.map(\.row) == [2, 3])
        #expect(list.choices[0].label["French (fr)"] == "Paris")
        #expect(list.choices[0].media.image["English (en)"] == "paris.png")
        #expect(list.choices[1].extraColumns == [FormAttribute(name: "region", value: "ara")])
    }

    @Test func listsKeepTheOrderTheyFirstAppearIn() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name | label |
        |        | select_one b | x    | X     |
        | choices |
        |         | list_name | name | label |
        |         | b         | 1    | One   |
        |         | a         | 1    | One   |
        |         | b         | 2    | Two   |
        """))
        #expect(form.choiceLists.map(\.name) == ["b", "a"])
        #expect(form.choiceList(named: "b")?.choices.map(\.name) == ["1", "2"])
    }

    @Test func aListMissingFromTheChoicesSheetIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label |
        |        | select_one zz | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "the list 'zz' is not on the choices sheet")
    }

    @Test func aSelectWithoutAnyChoicesIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choice |
        |        | list_name | name | label |
        |        | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "the workbook has no choices")
        #expect(problems.first?.message.contains("'choice'") == true)
    }

    @Test func aChoiceWithoutNameIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        |         | yn        |      | No    |
        """)
        expectSingleProblem(problems, sheet: "choices", row: 3, column: "name", containing: "has no name")
    }

    @Test func aChoiceWithoutLabelIsWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    |       |
        """))
        #expect(form.warnings.count == 1)
        #expect(form.warnings.first?.sheet == "choices")
        #expect(form.warnings.first?.row == 2)
        #expect(form.warnings.first?.column == "label")
    }

    @Test func duplicateChoiceNamesAreRefusedInEachDuplicateRow() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        |         | yn        | y    | Yes!  |
        |         | yn        | y    | Yes!! |
        |         | other     | y    | Yes   |
        """)
        #expect(problems.map(\.row) == [3, 4])
        #expect(problems.allSatisfy { $0.sheet == "choices" && $0.column == "name" && $0.message.contains("allow_choice_duplicates") })
    }

    @Test func duplicateChoiceNamesAreAllowedWhenTheSettingSaysSo() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        |         | yn        | y    | Yes!  |
        | settings |
        |          | allow_choice_duplicates |
        |          | yes                     |
        """))
        #expect(form.settings.allowChoiceDuplicates)
        #expect(form.choiceList(named: "yn")?.choices.count == 2)
    }

    @Test func selectMultipleChoiceNamesCannotHoldSpaces() {
        let problems = formRefusal("""
        | survey |
        |        | type               | name | label |
        |        | select_multiple yn | a    | A     |
        | choices |
        |         | list_name | name   | label |
        |         | yn        | not ok | Yes   |
        """)
        expectSingleProblem(problems, sheet: "choices", row: 2, column: "name", containing: "'not ok' of the list 'yn' (used by the select_multiple on survey row 2)")
    }

    @Test func choicesSheetWithoutNameColumnIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | choices |
        |         | list_name | label |
        |         | yn        | Yes   |
        """)
        expectSingleProblem(problems, sheet: "choices", row: 1, column: nil, containing: "needs a 'name' column")
    }

    @Test func columnsWithSpacesAreIgnoredWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label | my notes |
        |         | yn        | y    | Yes   | hello    |
        """))
        #expect(form.choiceList(named: "yn")?.choices.first?.extraColumns.isEmpty == true)
        #expect(form.warnings.first?.column == "my notes")
    }

    @Test func aChoiceWithoutListNameIsIgnoredWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        |         |           | n    | No    |
        """))
        #expect(form.choiceList(named: "yn")?.choices.count == 1)
        #expect(form.warnings.map(\.row) == [3])
    }

    @Test func orOtherNeedsChoicesToAddOtherTo() {
        let problems = formRefusal("""
        | survey |
        |        | type                                | name | label |
        |        | select_one_from_file a.csv or_other | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "or_other needs the list")
    }

    @Test func choicesMayNameAChoiceListForSelectsFromPreviousAnswers() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type             | name    | label  |
        |        | begin repeat     | friends | Friend |
        |        | text             | fname   | Name   |
        |        | end repeat       |         |        |
        |        | select_one ${fname} | best | Best   |
        """))
        #expect(form.firstElement(named: "best")?.type == .selectOne(list: "${fname}", orOther: false))
    }
}
