import Testing
@testable import Forms

@Suite("A new version of a form")
struct VersionChangeTests {
    private func form(version: String, _ elements: [FormElement]) -> FormDefinition {
        FormDefinition(settings: FormSettings(formID: "household", version: version), elements: elements)
    }

    @Test func changedTypeWarnsNamingThePathAndTheRow() {
        let old = form(version: "1", [
            FormElement(name: "age", type: .integer, row: 2),
            FormElement(name: "members", type: .repeat, children: [FormElement(name: "sex", type: .selectOne(list: "sex", orOther: false), row: 4)], row: 3),
        ])
        let new = form(version: "2", [
            FormElement(name: "age", type: .text, row: 2),
            FormElement(name: "members", type: .repeat, children: [FormElement(name: "sex", type: .selectMultiple(list: "sex", orOther: false), row: 5)], row: 3),
        ])
        let warnings = new.typeChanges(since: old, fileName: "household.xlsx")
        #expect(warnings.count == 2)
        #expect(warnings.map(\.row) == [2, 5])
        #expect(warnings[0].description.hasPrefix("household.xlsx, sheet survey, row 2, column type: 'age' was integer in version 1 and is now text."))
        #expect(warnings[1].message.hasPrefix("'members/sex' was select_one sex in version 1 and is now select_multiple sex."))
    }

    @Test func sameKindOfAnswerDoesNotWarn() {
        let old = form(version: "1", [FormElement(name: "sex", type: .selectOne(list: "sex", orOther: false), row: 2),
                                      FormElement(name: "note", type: .text, row: 3)])
        let new = form(version: "2", [FormElement(name: "sex", type: .selectOne(list: "gender", orOther: true), row: 2),
                                      FormElement(name: "note", type: .calculate, row: 3),
                                      FormElement(name: "added", type: .integer, row: 4)])
        #expect(new.typeChanges(since: old, fileName: "f.xlsx").isEmpty)
    }

    @Test func movingAQuestionIntoAGroupIsANewPathNotATypeChange() {
        let old = form(version: "1", [FormElement(name: "age", type: .integer, row: 2)])
        let new = form(version: "2", [FormElement(name: "person", type: .group, children: [FormElement(name: "age", type: .text, row: 3)], row: 2)])
        #expect(new.typeChanges(since: old, fileName: "f.xlsx").isEmpty)
    }
}

@Suite("The browser form's view of a form")
struct SimpleFormTests {
    @Test func simpleFormBecomesAQuestionnaireInTheDefaultLanguage() throws {
        var label = LocalizedText()
        label.set("Age", language: "English (en)")
        label.set("Âge", language: "French (fr)")
        let form = FormDefinition(
            settings: FormSettings(formTitle: "Household", version: "3", defaultLanguage: "French (fr)"),
            elements: [
                FormElement(name: "age", type: .integer, label: label, required: "yes", row: 2),
                FormElement(name: "sex", type: .selectOne(list: "sex", orOther: false), row: 3),
            ],
            choiceLists: [FormChoiceList(name: "sex", choices: [FormChoice(name: "f", label: LocalizedText(plain: "Female"))]),
                          FormChoiceList(name: "unused", choices: [])],
            languages: ["English (en)", "French (fr)"])
        let questionnaire = try #require(Questionnaire(simpleForm: form, fallbackFormID: "household"))
        #expect(questionnaire.formID == "household")
        #expect(questionnaire.title == "Household")
        #expect(questionnaire.version == "3")
        #expect(questionnaire.questions.map(\.label) == ["Âge", "sex"])
        #expect(questionnaire.questions[0].required)
        #expect(questionnaire.choiceLists == [ChoiceList(name: "sex", choices: [Choice(name: "f", label: "Female")])])
    }

    @Test(arguments: [
        FormElement(name: "g", type: .group, children: [FormElement(name: "a", type: .text)]),
        FormElement(name: "d", type: .date),
        FormElement(name: "s", type: .selectOne(list: "sex", orOther: true)),
        FormElement(name: "a", type: .integer, relevant: "${b} = 1"),
        FormElement(name: "a", type: .integer, required: "${b} = 1"),
    ])
    func anythingElseIsCollectedWithODKCollect(element: FormElement) {
        let form = FormDefinition(settings: FormSettings(), elements: [element])
        #expect(Questionnaire(simpleForm: form, fallbackFormID: "f") == nil)
    }
}
