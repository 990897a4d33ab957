import Testing
@testable import Forms

@Suite("XLSFormReader: sheets and headers")
struct SheetAndHeaderTests {
    @Test func workbookWithoutSurveySheetIsRefusedWithTheLookalikeNamed() {
        let problems = formRefusal("""
        | servey |
        |        | type | name | label |
        |        | text | a    | A     |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, sheet: "survey", row: nil, column: nil, containing: "no sheet named 'survey'")
        #expect(problems.first?.message.contains("'servey'") == true)
    }

    @Test func aSingleSheetIsTheSurveyWhateverItsName() {
        let form = acceptedForm("""
        | questions |
        |           | type | name | label |
        |           | text | a    | A     |
        """)
        #expect(form?.elements.map(\.name) == ["a"])
    }

    @Test func anEmptySurveySheetIsRefused() {
        let workbook = Spreadsheet(fileName: "form.xlsx", sheets: [Sheet(name: "survey", rows: [])])
        do {
            _ = try XLSFormReader.read(workbook)
            Issue.record("expected a refusal")
        } catch {
            expectSingleProblem(error.problems, row: nil, column: nil, containing: "the survey sheet is empty")
        }
    }

    @Test func aSingleSheetNamedLikeAnotherXLSFormSheetIsNotTheSurvey() {
        let problems = formRefusal("""
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, sheet: "survey", row: nil, column: nil, containing: "no sheet named 'survey'")
    }

    @Test func sheetNamesAreMatchedWithoutCase() {
        let form = acceptedForm("""
        | Survey |
        |        | type          | name | label |
        |        | select_one yn | a    | A     |
        | CHOICES |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        #expect(form?.choiceLists.map(\.name) == ["yn"])
    }

    @Test func misspeltSettingsSheetIsIgnoredWithAWarning() {
        let form = acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | setting |
        |         | form_id |
        |         | my_form |
        """)
        #expect(form?.settings.formID == nil)
        #expect(form?.warnings.count == 1)
        #expect(form?.warnings.first?.sheet == "setting")
        #expect(form?.warnings.first?.message.contains("looks like 'settings' misspelt") == true)
    }

    @Test func sheetsStartingWithUnderscoreAreNeverSuspected() {
        let form = acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | _setting |
        |          | notes |
        |          | x     |
        """)
        #expect(form?.warnings.isEmpty == true)
    }

    @Test func surveyWithoutTypeColumnIsRefusedAtTheHeaderRow() {
        let problems = formRefusal("""
        | survey |
        |        | kind | name | label |
        |        | text | a    | A     |
        """)
        expectSingleProblem(problems, row: 1, column: nil, containing: "needs a 'type' column")
    }

    @Test func headersAreNormalisedAndAliased() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | Type    | Name | Caption | Relevance | constraint message | jr:constraintMsg::fr | Required Message | Read Only | media::image | big-image | image::fr | hint::fr | calculation | bind::odk:length | body::accuracyThreshold | instance::odk:tag | Appearance |
        |        | integer | age  | Age     | 1 = 1     | Too old            | Trop vieux           | Needed           | no        | a.png        | b.png     | f.png     | Indice   | 3           | 5                | 10                      | t                 | numbers    |
        """))
        let age = try #require(form.firstElement(named: "age"))
        #expect(age.label == LocalizedText(plain: "Age"))
        #expect(age.relevant == "1 = 1")
        #expect(age.constraintMessage["" ] == "Too old")
        #expect(age.constraintMessage["fr"] == "Trop vieux")
        #expect(age.requiredMessage[""] == "Needed")
        #expect(age.readOnly == "no")
        #expect(age.media.image[""] == "a.png")
        #expect(age.media.image["fr"] == "f.png")
        #expect(age.media.bigImage[""] == "b.png")
        #expect(age.hint["fr"] == "Indice")
        #expect(age.calculation == "3")
        #expect(age.bindAttributes == [FormAttribute(name: "odk:length", value: "5")])
        #expect(age.bodyAttributes == [FormAttribute(name: "accuracyThreshold", value: "10")])
        #expect(age.instanceAttributes == [FormAttribute(name: "odk:tag", value: "t")])
        #expect(age.appearance == "numbers")
    }

    @Test func repeatCountAliasesAllMeanTheSameColumn() throws {
        for header in ["repeat_count", "jr:count", "count", "Repeat Count"] {
            let form = try #require(acceptedForm("""
            | survey |
            |        | type         | name | label | \(header) |
            |        | begin repeat | r    | R     | 3         |
            |        | text         | a    | A     |           |
            |        | end repeat   |      |       |           |
            """))
            #expect(form.firstElement(named: "r")?.repeatCount == "3", "header \(header)")
        }
    }

    @Test func unknownColumnsAreKeptAsWritten() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label | Notes for translators |
        |        | text | a    | A     | keep short            |
        """))
        #expect(form.firstElement(named: "a")?.otherColumns == [FormAttribute(name: "Notes for translators", value: "keep short")])
    }

    @Test func twoNamesForTheSameColumnAreRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label | caption |
        |        | text | a    | A     | B       |
        """)
        expectSingleProblem(problems, row: 1, column: "caption", containing: "'label' and 'caption' are two names for the same column")
    }

    @Test func theSameHeaderTwiceIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label | label |
        |        | text | a    | A     | B     |
        """)
        expectSingleProblem(problems, row: 1, column: "label", containing: "appears twice")
    }

    @Test func entitiesAreRefusedAsNotSupported() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | entities |
        |          | list_name | label |
        |          | trees     | ${a}  |
        """)
        expectSingleProblem(problems, sheet: "entities", row: 2, column: nil, containing: "not supported")
    }

    @Test func cellTextIsTidiedAsPyxformTidiesIt() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                | name | label        | relevant     |
        |        | select_one   yn     | a    | Don’t  know  |              |
        |        | text                | b    | B            | ${a} = ‘y’   |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """))
        #expect(form.firstElement(named: "a")?.type == .selectOne(list: "yn", orOther: false))
        #expect(form.firstElement(named: "a")?.label[""] == "Don't know")
        #expect(form.firstElement(named: "b")?.relevant == "${a} = 'y'")
    }

    @Test func cleanTextValuesNoKeepsSpaces() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label    |
        |        | text | a    | A  and B |
        | settings |
        |          | clean_text_values |
        |          | no                |
        """))
        #expect(form.firstElement(named: "a")?.label[""] == "A  and B")
    }
}
