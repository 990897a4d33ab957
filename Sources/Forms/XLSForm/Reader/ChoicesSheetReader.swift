/// Reads the `choices` sheet (and `external_choices`, whose lists feed `select_one_external`
/// through an attached itemsets file) into choice lists, checking what pyxform checks: every
/// choice has a name, names are unique in their list unless `allow_choice_duplicates` is yes,
/// and a missing label is worth a warning.
enum ChoicesSheetReader {
    /// The lists of `table`, in order of first appearance.
    static func read(_ table: SheetTable, allowDuplicates: Bool, external: Bool,
                     log: inout FormProblemLog) -> [FormChoiceList] {
        guard !table.rows.isEmpty else { return [] }
        if table.column(["name"]) == nil {
            log.error(sheet: table.name, row: table.headerRow,
                      "the \(table.name) sheet needs a 'name' column (with 'list_name' and 'label').")
            return []
        }
        var droppedColumns: Set<Int> = []
        if !external {
            for column in table.columns where column.key[0] != "list name" && column.key[0].contains(" ") {
                log.warning(sheet: table.name, row: table.headerRow, column: column.header,
                            "column names on the choices sheet must not contain spaces, so the column '\(column.header)' is ignored.")
                droppedColumns.insert(column.index)
            }
        }
        let listHeader = table.header(["list name"], fallback: "list_name")
        let nameHeader = table.header(["name"], fallback: "name")
        var lists: [FormChoiceList] = []
        var seenNames: [String: Set<String>] = [:]
        for row in table.rows {
            let cells = table.cells(row)
            if cells.isEmpty { continue }
            guard let listName = table.value(row, ["list name"]) else {
                log.warning(sheet: table.name, row: row.number, column: listHeader,
                            "this choice has no list name, so it belongs to no list and is ignored.")
                continue
            }
            let name = table.value(row, ["name"])
            if name == nil, !external {
                log.error(sheet: table.name, row: row.number, column: nameHeader,
                          "this choice has no name. Every choice needs a name: it is the value stored when the choice is picked.")
            }
            var choice = FormChoice(name: name ?? "", row: row.number)
            for (column, value) in cells where !droppedColumns.contains(column.index) {
                let key = column.key
                switch key[0] {
                case "list name", "name": break
                case "label" where key.count <= 2:
                    choice.label.set(value, language: key.count == 2 ? key[1] : LocalizedText.untranslated)
                case "media" where key.count >= 2 && key.count <= 3 && SurveyRowFields.mediaKinds.contains(key[1]):
                    SurveyRowFields.setMedia(&choice.media, kind: key[1], language: key.count == 3 ? key[2] : "", value: value)
                default:
                    choice.extraColumns.append(FormAttribute(name: column.header, value: value))
                }
            }
            if choice.label.isEmpty, !external {
                let labelHeader = table.header(["label"], fallback: "label")
                log.warning(sheet: table.name, row: row.number, column: labelHeader,
                            "the choice '\(choice.name)' has no label; give it one so people know what they are choosing.")
            }
            if let name, !external {
                if seenNames[listName, default: []].contains(name), !allowDuplicates {
                    log.error(sheet: table.name, row: row.number, column: nameHeader,
                              "the list '\(listName)' already has a choice named '\(name)'. Choice names must be unique in their list; if this is intended, set allow_choice_duplicates to yes on the settings sheet.")
                }
                seenNames[listName, default: []].insert(name)
            }
            if let index = lists.firstIndex(where: { $0.name == listName }) {
                lists[index].choices.append(choice)
            } else {
                lists.append(FormChoiceList(name: listName, choices: [choice]))
            }
        }
        return lists
    }
}
