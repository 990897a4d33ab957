/// Turns an XLSForm workbook into a ``FormDefinition``, accepting what pyxform (the reference
/// XLSForm converter ODK uses) accepts and refusing what it refuses, so a form that works here
/// works in ODK Collect and the other way round. Unlike pyxform it does not stop at the first
/// mistake: every problem is reported at once, each with its sheet, row and column.
public enum XLSFormReader {
    /// Reads `spreadsheet`. Throws every problem found, in sheet and row order; legal but
    /// suspect things end up in ``FormDefinition/warnings``.
    public static func read(_ spreadsheet: Spreadsheet, options: Options = Options()) throws(FormDefinitionError) -> FormDefinition {
        var log = FormProblemLog(file: spreadsheet.fileName)
        let sheetNames = spreadsheet.sheets.map(\.name)

        // As in pyxform, a workbook of one sheet (not named like another XLSForm sheet) is the survey.
        let onlySheet = spreadsheet.sheets.count == 1
            && !SheetNameSpelling.knownSheets.contains(spreadsheet.sheets[0].name.lowercased()) ? spreadsheet.sheets.first : nil
        guard let surveySheet = spreadsheet.sheet(named: "survey") ?? onlySheet else {
            log.error(sheet: "survey", "the workbook has no sheet named 'survey' (with the questions)."
                      + SheetNameSpelling.hint(for: "survey", in: sheetNames))
            throw FormDefinitionError(problems: log.errors)
        }
        guard !surveySheet.rows.isEmpty else {
            log.error(sheet: surveySheet.name, "the survey sheet is empty: it needs a header row (type, name, label) and the questions below it.")
            throw FormDefinitionError(problems: log.errors)
        }

        // Settings come first: they change how the other sheets are read.
        let settingsReader = SettingsSheetReader(sheet: spreadsheet.sheet(named: "settings"), log: &log)
        var settings = settingsReader.settings
        if settingsReader.table == nil {
            warnIfMisspelt("settings", sheetNames: sheetNames, log: &log)
        }

        let choicesTable = spreadsheet.sheet(named: "choices").map {
            SheetTable(sheet: $0, vocabulary: .choices, collapseSpaces: false, log: &log)
        }
        if choicesTable == nil {
            warnIfMisspelt("choices", sheetNames: sheetNames, log: &log)
        }
        let choiceLists = choicesTable.map {
            ChoicesSheetReader.read($0, allowDuplicates: settings.allowChoiceDuplicates, external: false, log: &log)
        } ?? []
        let externalTable = spreadsheet.sheet(named: "external_choices").map {
            SheetTable(sheet: $0, vocabulary: .choices, collapseSpaces: false, log: &log)
        }
        let externalLists = externalTable.map {
            ChoicesSheetReader.read($0, allowDuplicates: true, external: true, log: &log)
        }
        if let entities = spreadsheet.sheet(named: "entities"), entities.rows.count > 1 {
            log.error(sheet: entities.name, row: entities.rows[1].number,
                      "entities (the entities sheet) are not supported by Counted yet; remove the sheet to use this form.")
        }

        let surveyTable = SheetTable(sheet: surveySheet, vocabulary: .survey,
                                     collapseSpaces: settingsReader.cleansSurveyText, log: &log)
        if surveyTable.column(["type"]) == nil {
            log.error(sheet: surveyTable.name, row: surveyTable.headerRow,
                      "the survey sheet needs a 'type' column (with 'name' and 'label'). Is its first row the header row?")
        }
        let saveToKey = ["bind", "entities:saveto"]
        if let row = surveyTable.rows.first(where: { surveyTable.value($0, saveToKey) != nil }) {
            log.error(sheet: surveyTable.name, row: row.number, column: surveyTable.header(saveToKey, fallback: "save_to"),
                      "save_to saves answers to entities, which Counted does not support yet.")
        }

        var survey = SurveySheetReader(table: surveyTable, choiceLists: choiceLists, externalLists: externalLists,
                                       rootName: settings.rootName ?? "data", sheetNames: sheetNames)
        if surveyTable.column(["type"]) != nil {
            survey.read(log: &log)
        }
        for (setting, value) in survey.settingRows {
            switch setting {
            case "form_title", "set_form_title": settings.formTitle = value
            case "form_id", "set_form_id": settings.formID = value
            default: settings.other.append(FormAttribute(name: setting, value: value))
            }
        }
        if settings.formID == nil { settings.formID = options.fallbackFormID }

        checkWholeForm(survey: survey, surveyTable: surveyTable, choiceLists: choiceLists, choicesTable: choicesTable,
                       settingsReader: settingsReader, log: &log)
        let languages = collectLanguages(survey: survey, surveyTable: surveyTable, choicesTable: choicesTable, log: &log)

        if !log.errors.isEmpty {
            throw FormDefinitionError(problems: FormProblemLog.ordered(log.errors, sheetOrder: sheetNames))
        }
        return FormDefinition(settings: settings, elements: survey.elements, choiceLists: choiceLists,
                              languages: languages, warnings: FormProblemLog.ordered(log.warnings, sheetOrder: sheetNames),
                              externalChoiceLists: externalLists ?? [])
    }

    /// The checks that need the whole form: references, expressions, labels, triggers, instances.
    private static func checkWholeForm(survey: SurveySheetReader, surveyTable: SheetTable, choiceLists: [FormChoiceList],
                                       choicesTable: SheetTable?, settingsReader: SettingsSheetReader,
                                       log: inout FormProblemLog) {
        var nameCounts = survey.nameCounts
        if !settingsReader.omitsInstanceID { nameCounts["instanceID", default: 0] += 1 }
        let references = ReferenceCheck(nameCounts: nameCounts)
        references.checkSurvey(surveyTable, log: &log)
        if let choicesTable { references.checkChoices(choicesTable, log: &log) }
        if let settingsTable = settingsReader.table { references.checkSettings(settingsTable, log: &log) }
        for (name, location) in survey.previousAnswerSelects {
            references.checkName(name, at: location, log: &log)
        }
        ExpressionSyntaxCheck.checkSurvey(surveyTable, log: &log)
        if let settingsTable = settingsReader.table { ExpressionSyntaxCheck.checkSettings(settingsTable, log: &log) }
        let elementChecks = ElementChecks(elements: survey.elements, table: surveyTable)
        elementChecks.checkLabels(log: &log)
        elementChecks.checkTriggers(survey.triggers, questionNames: survey.questionNames, nameCounts: nameCounts, log: &log)
        elementChecks.checkGeometry(survey.geometryReferences, secondaryInstances: survey.secondaryInstances,
                                    choiceListNames: Set(choiceLists.map(\.name)), repeatNames: survey.repeatNames, log: &log)
        elementChecks.checkExternalInstances(log: &log)
        elementChecks.checkSearchAppearance(log: &log)
        InstanceSourceCheck(elements: survey.elements, survey: surveyTable, choiceLists: choiceLists, choices: choicesTable)
            .check(log: &log)
    }

    /// The form's languages in order of first appearance, warning about missing translations
    /// and languages without a code.
    private static func collectLanguages(survey: SurveySheetReader, surveyTable: SheetTable, choicesTable: SheetTable?,
                                         log: inout FormProblemLog) -> [String] {
        let surveyLanguages = TranslationCoverage(survey: surveyTable)
        surveyLanguages.warnMissing(sheet: surveyTable.name, row: surveyTable.headerRow, log: &log)
        let choiceLanguages = choicesTable.map { TranslationCoverage(choices: $0) }
        if let choicesTable, let choiceLanguages {
            choiceLanguages.warnMissing(sheet: choicesTable.name, row: choicesTable.headerRow, log: &log)
        }
        if survey.usesOrOther, surveyLanguages.isTranslated || choiceLanguages?.isTranslated == true {
            log.warning(sheet: surveyTable.name,
                        "this form uses or_other and translations: the added 'Other' choice and its 'Specify other.' question are not translated.")
        }
        var languages: [String] = []
        for language in surveyLanguages.languages + (choiceLanguages?.languages ?? [])
        where !language.isEmpty && !languages.contains(language) {
            languages.append(language)
        }
        let untagged = LanguageTag.untagged(languages)
        if !untagged.isEmpty {
            let names = untagged.map { "'\($0)'" }.joined(separator: ", ")
            let verb = untagged.count > 1 ? "s \(names) lack" : " \(names) lacks"
            log.warning(sheet: surveyTable.name, row: surveyTable.headerRow,
                        "the language\(verb) a language code in brackets, as in 'French (fr)'; phones use the code to choose the language.")
        }
        return languages
    }

    /// Warns when a sheet XLSForm reads is absent but another sheet's name looks like it.
    private static func warnIfMisspelt(_ wanted: String, sheetNames: [String], log: inout FormProblemLog) {
        let similar = SheetNameSpelling.lookalikes(of: wanted, in: sheetNames)
        guard !similar.isEmpty else { return }
        for name in similar {
            log.warning(sheet: name, "this sheet is ignored: its name looks like '\(wanted)' misspelt. Rename it to '\(wanted)' if it should be read, or start its name with '_' to silence this warning.")
        }
    }
}
