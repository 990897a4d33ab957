import Testing
@testable import Forms

@Suite("XLSFormReader: translations")
struct TranslationTests {
    @Test func languagesAreCollectedInOrderOfFirstAppearance() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type          | name | label | hint::French (fr) | label::English (en) | label::French (fr) | hint::English (en) | hint |
        |        | select_one yn | a    | A     | Indice            | A                   | A fr               | Hint               | H    |
        | choices |
        |         | list_name | name | label | label::English (en) | label::French (fr) | label::Swahili (sw) |
        |         | yn        | y    | Y     | Yes                 | Oui                | Ndiyo               |
        """))
        #expect(form.languages == ["French (fr)", "English (en)", "Swahili (sw)"])
        let a = try #require(form.firstElement(named: "a"))
        #expect(a.label.texts.map(\.name) == ["", "English (en)", "French (fr)"])
        #expect(a.hint["French (fr)"] == "Indice")
        #expect(form.choiceList(named: "yn")?.choices.first?.label["Swahili (sw)"] == "Ndiyo")
    }

    @Test func aFormWithoutTranslatedColumnsHasNoLanguages() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        """))
        #expect(form.languages.isEmpty)
        #expect(form.firstElement(named: "a")?.label == LocalizedText(plain: "A"))
    }

    @Test func aLanguageMissingAColumnIsWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label::English (en) | label::French (fr) | hint::English (en) |
        |        | text | a    | A                   | A                  | H                  |
        """))
        #expect(form.warnings.count == 1)
        #expect(form.warnings.first?.row == 1)
        #expect(form.warnings.first?.message.contains("'French (fr)' lacks the hint column") == true)
    }

    @Test func languagesWithoutACodeAreWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label::English | label::Français (fr) | label::Kiswahili (swh) |
        |        | text | a    | A              | A                    | A                      |
        """))
        #expect(form.warnings.count == 1)
        #expect(form.warnings.first?.message.contains("'English'") == true)
        #expect(form.warnings.first?.message.contains("Français") == false)
    }

    @Test func orOtherWithTranslationsIsWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                   | name | label::English (en) |
        |        | select_one yn or_other | a    | A                   |
        | choices |
        |         | list_name | name | label::English (en) |
        |         | yn        | y    | Yes                 |
        """))
        #expect(form.warnings.map(\.message).contains { $0.contains("or_other and translations") })
    }

    @Test func singleColonHeadersAreTranslationsWhenNoHeaderUsesDoubleColons() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label:English (en) | jr:count |
        |        | text | a    | A                  |          |
        """))
        #expect(form.firstElement(named: "a")?.label["English (en)"] == "A")
        #expect(form.languages == ["English (en)"])
    }
}
