extension Questionnaire {
    /// The flat questionnaire of a form that uses only what the browser form and the JSON API
    /// collect today (text, integer, select_one without or_other, note, at the top level); nil
    /// for any other form, which is collected with ODK Collect over OpenRosa instead.
    ///
    /// Texts are taken in the form's default language (or the untranslated column, or the first
    /// language given), so a multilingual form still reads naturally.
    public init?(simpleForm form: FormDefinition, fallbackFormID: String) {
        let language = form.displayLanguage
        var questions: [Question] = []
        var listNames: [String] = []
        for element in form.elements {
            let type: QuestionType
            switch element.type {
            case .text: type = .text
            case .integer: type = .integer
            case .note: type = .note
            case .selectOne(let list, orOther: false):
                type = .selectOne(list: list)
                if !listNames.contains(list) { listNames.append(list) }
            default: return nil
            }
            guard element.relevant == nil, element.constraint == nil, element.calculation == nil,
                  element.defaultValue == nil, element.choiceFilter == nil else { return nil }
            let requiredText = element.required?.lowercased() ?? ""
            let required = ["yes", "true", "true()", "1"].contains(requiredText)
            // A required condition (an expression) needs the expression evaluator.
            guard required || ["", "no", "false", "false()", "0"].contains(requiredText) else { return nil }
            questions.append(Question(
                name: element.name, type: type,
                label: element.label.text(in: language) ?? element.name,
                hint: element.hint.text(in: language),
                required: required, row: element.row))
        }
        let lists = listNames.compactMap { name in
            form.choiceList(named: name).map { list in
                ChoiceList(name: name, choices: list.choices.map {
                    Choice(name: $0.name, label: $0.label.text(in: language) ?? $0.name)
                })
            }
        }
        let formID = form.settings.formID ?? fallbackFormID
        self.init(formID: formID, title: form.settings.formTitle ?? formID,
                  version: form.settings.version ?? "1", questions: questions, choiceLists: lists)
    }
}

extension Questionnaire {
    /// The questionnaire for any form: the simple one when the browser can collect it, otherwise
    /// the top-level text, integer and select_one questions (for indicators), marked as needing
    /// ODK Collect.
    public init(form: FormDefinition, fallbackFormID: String) {
        if let simple = Questionnaire(simpleForm: form, fallbackFormID: fallbackFormID) {
            self = simple
            return
        }
        let plain = form.elements.filter {
            switch $0.type {
            case .text, .integer, .selectOne(_, orOther: false): true
            default: false
            }
        }
        var stripped = form
        stripped.elements = plain.map { element in
            var element = element
            element.relevant = nil
            element.constraint = nil
            element.calculation = nil
            element.defaultValue = nil
            element.choiceFilter = nil
            element.required = nil
            return element
        }
        // Cannot fail: only the simple types are left, with no logic.
        var questionnaire = Questionnaire(simpleForm: stripped, fallbackFormID: fallbackFormID)
            ?? Questionnaire(formID: fallbackFormID, title: fallbackFormID, version: "1", questions: [], choiceLists: [])
        questionnaire.needsODKCollect = true
        self = questionnaire
    }
}

extension FormDefinition {
    /// The language people see first: `default_language` when set, else the untranslated
    /// columns, else the first language the form uses.
    public var displayLanguage: String {
        settings.defaultLanguage ?? (languages.isEmpty ? LocalizedText.untranslated : languages[0])
    }
}

extension LocalizedText {
    /// The text in `language`, falling back to the untranslated column and then to the first
    /// language that has one.
    public func text(in language: String) -> String? {
        self[language] ?? self[LocalizedText.untranslated] ?? texts.first { !$0.value.isEmpty }?.value
    }
}
