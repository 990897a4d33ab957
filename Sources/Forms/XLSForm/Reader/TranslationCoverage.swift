/// The languages of a workbook's translated columns, and the columns a language lacks that
/// another has (`label::French` without `hint::French` next to `hint::English`): pyxform warns
/// about these, because people using that language would see another language's text or none.
struct TranslationCoverage {
    /// Languages in order of first appearance; "" is the untranslated column.
    private(set) var languages: [String] = []
    /// For each language, the translatable columns it has (by their plain name).
    private var columnsByLanguage: [String: Set<String>] = [:]
    private var allColumns: Set<String> = []

    /// Collects the translatable columns of the survey sheet.
    init(survey table: SheetTable) {
        for column in table.columns {
            let key = column.key
            switch key[0] {
            case "label" where key.count <= 2, "hint" where key.count <= 2, "guidance_hint" where key.count <= 2:
                add(key[0], language: key.count == 2 ? key[1] : "")
            case "media" where key.count >= 2 && key.count <= 3 && SurveyRowFields.mediaKinds.contains(key[1]):
                add(key[1], language: key.count == 3 ? key[2] : "")
            case "bind" where key.count >= 2 && key.count <= 3 && ["jr:constraintMsg", "jr:requiredMsg"].contains(key[1]):
                add(key[1] == "jr:constraintMsg" ? "constraint_message" : "required_message", language: key.count == 3 ? key[2] : "")
            default:
                break
            }
        }
    }

    /// Collects the translatable columns of the choices sheet.
    init(choices table: SheetTable) {
        for column in table.columns {
            let key = column.key
            if key[0] == "label", key.count <= 2 {
                add("label", language: key.count == 2 ? key[1] : "")
            } else if key[0] == "media", key.count >= 2, key.count <= 3, SurveyRowFields.mediaKinds.contains(key[1]) {
                add(key[1], language: key.count == 3 ? key[2] : "")
            }
        }
    }

    private mutating func add(_ column: String, language: String) {
        if !languages.contains(language) { languages.append(language) }
        columnsByLanguage[language, default: []].insert(column)
        allColumns.insert(column)
    }

    /// Whether any column is translated.
    var isTranslated: Bool { languages.contains { !$0.isEmpty } }

    /// One warning per language that lacks a column another language has.
    func warnMissing(sheet: String, row: Int, log: inout FormProblemLog) {
        guard isTranslated else { return }
        for language in languages {
            let missing = allColumns.subtracting(columnsByLanguage[language] ?? []).sorted()
            guard !missing.isEmpty else { continue }
            let who = language.isEmpty ? "the untranslated columns (without ::language) lack" : "the language '\(language)' lacks"
            let columns = missing.joined(separator: ", ") + (missing.count > 1 ? " columns" : " column")
            log.warning(sheet: sheet, row: row,
                        "\(who) the \(columns) that other languages have on this sheet, so people using it will miss those texts.")
        }
    }
}
