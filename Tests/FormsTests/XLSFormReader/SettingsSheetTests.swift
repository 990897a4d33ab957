import Testing
@testable import Forms

@Suite("XLSFormReader: settings sheet")
struct SettingsSheetTests {
    @Test func settingsComeFromTheRowBelowTheHeaders() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | form_title | form_id | version | default_language | instance_name | public_key | submission_url    | name   | style | auto_send |
        |          | My form    | my_form | 2024-1  | French (fr)      | concat(${a})  | MIIB       | https://x.org/sub | survey | pages | true      |
        """))
        let settings = form.settings
        #expect(settings.formTitle == "My form")
        #expect(settings.formID == "my_form")
        #expect(settings.version == "2024-1")
        #expect(settings.defaultLanguage == "French (fr)")
        #expect(settings.instanceName == "concat(${a})")
        #expect(settings.publicKey == "MIIB")
        #expect(settings.submissionURL == "https://x.org/sub")
        #expect(settings.rootName == "survey")
        #expect(settings.row == 2)
        #expect(settings.other == [FormAttribute(name: "style", value: "pages"), FormAttribute(name: "auto_send", value: "true")])
    }

    @Test func idStringIsAnotherNameForFormID() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | id_string | Form Title |
        |          | x1        | Title      |
        """))
        #expect(form.settings.formID == "x1")
        #expect(form.settings.formTitle == "Title")
    }

    @Test func formIDWinsOverIDStringWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | id_string | form_id |
        |          | old       | new     |
        """))
        #expect(form.settings.formID == "new")
        #expect(form.warnings.first?.sheet == "settings")
        #expect(form.warnings.first?.column == "id_string")
    }

    @Test func fallbackFormIDIsUsedOnlyWhenNoneIsGiven() throws {
        let workbook = """
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        """
        #expect(acceptedForm(workbook)?.settings.formID == nil)
        #expect(acceptedForm(workbook, options: .init(fallbackFormID: "household"))?.settings.formID == "household")
        let withID = workbook + "\n| settings |\n| | form_id |\n| | mine |"
        #expect(acceptedForm(withID, options: .init(fallbackFormID: "household"))?.settings.formID == "mine")
    }

    @Test func aRootNameMustBeAnXMLName() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | name     |
        |          | my form  |
        """)
        expectSingleProblem(problems, sheet: "settings", row: 2, column: "name", containing: "cannot be the name of the form's root element")
    }

    @Test func encryptedFormsCannotOmitTheInstanceID() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | public_key | omit_instanceID |
        |          | MIIB       | yes             |
        """)
        expectSingleProblem(problems, sheet: "settings", row: 2, column: "omit_instanceID", containing: "encrypted form")
    }

    @Test func laterSettingsRowsAreIgnoredWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        | settings |
        |          | form_id |
        |          | first   |
        |          | second  |
        """))
        #expect(form.settings.formID == "first")
        #expect(form.warnings.map(\.row) == [3])
    }

    @Test func settingsMayBeGivenAsSurveyRows() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type       | name     | label |
        |        | form_id    | from_row |       |
        |        | form_title | Titled   |       |
        |        | text       | a        | A     |
        """))
        #expect(form.settings.formID == "from_row")
        #expect(form.settings.formTitle == "Titled")
        #expect(form.elements.map(\.name) == ["a"])
    }
}
