/// Reads the `settings` sheet: its header row names the settings and the row below it holds
/// their values (later rows are ignored, as in pyxform). Also decides the two settings that
/// change how the rest of the workbook is read.
struct SettingsSheetReader {
    var settings = FormSettings()
    /// `clean_text_values` (default yes): collapse runs of spaces in survey cells.
    var cleansSurveyText = true
    /// `omit_instanceID` is yes: the form has no `${instanceID}` to refer to.
    var omitsInstanceID = false
    /// The settings table, kept for the reference check.
    var table: SheetTable?

    init(sheet: Sheet?, log: inout FormProblemLog) {
        guard var sheet, let header = sheet.rows.first else { return }
        // pyxform takes form_id over id_string when both are given.
        let headers = header.cells.map(CellText.cleanHeader)
        if headers.contains("form_id"), let idString = headers.firstIndex(of: "id_string") {
            log.warning(sheet: sheet.name, row: header.number, column: "id_string",
                        "form_id and id_string are two names for the same setting; form_id is used and id_string is ignored. Keep only one of them.")
            sheet.rows = sheet.rows.map { row in
                var row = row
                if idString < row.cells.count { row.cells[idString] = "" }
                return row
            }
        }
        let table = SheetTable(sheet: sheet, vocabulary: .settings, collapseSpaces: false, log: &log)
        self.table = table
        guard let row = table.rows.first else { return }
        for extra in table.rows.dropFirst() where !table.cells(extra).isEmpty {
            log.warning(sheet: table.name, row: extra.number,
                        "only the first row below the headers of the settings sheet is read; this row is ignored.")
        }
        settings.row = row.number
        for (column, value) in table.cells(row) {
            switch column.key {
            case ["title"]: settings.formTitle = value
            case ["id_string"]: settings.formID = value
            case ["version"]: settings.version = value
            case ["default_language"]: settings.defaultLanguage = value
            case ["instance_name"]: settings.instanceName = value
            case ["public_key"]: settings.publicKey = value
            case ["submission_url"]: settings.submissionURL = value
            case ["allow_choice_duplicates"]:
                settings.allowChoiceDuplicates = YesNo.parse(value) ?? false
            case ["name"]:
                settings.rootName = value
                if !XMLName.isValid(value) {
                    log.error(sheet: table.name, row: row.number, column: column.header,
                              "'\(value)' cannot be the name of the form's root element: \(XMLName.ruleDescription).")
                }
            default:
                settings.other.append(FormAttribute(name: column.key.joined(separator: "::").lowercased(), value: value))
            }
        }
        cleansSurveyText = YesNo.parse(table.value(row, ["clean_text_values"])) ?? true
        omitsInstanceID = YesNo.parse(table.value(row, ["omit_instanceID"])) ?? false
        if omitsInstanceID, settings.publicKey != nil {
            log.error(sheet: table.name, row: row.number, column: table.header(["omit_instanceID"], fallback: "omit_instanceID"),
                      "an encrypted form (with a public_key) needs its instanceID, so omit_instanceID cannot be yes.")
        }
    }
}
