/// `itemsets.csv`: the choices of the `external_choices` sheet, which `select_one_external`
/// questions read on the phone. pyxform writes it beside the XForm; Counted attaches it to the
/// form version, so collectors get it without anyone writing it by hand.
public enum ItemsetsCSV {
    public static let fileName = "itemsets.csv"

    /// The CSV text (every field quoted, CRLF line ends, as Python's csv module writes), or nil
    /// when the form has no external choices. Columns: `list_name`, `name`, the label columns
    /// (`label` or `label::language`), then the other columns in order of first appearance.
    public static func text(for form: FormDefinition) -> String? {
        let lists = form.externalChoiceLists
        guard lists.contains(where: { !$0.choices.isEmpty }) else { return nil }
        var languages: [String] = []
        var extra: [String] = []
        for choice in lists.flatMap(\.choices) {
            for language in choice.label.texts.map(\.name) where !languages.contains(language) { languages.append(language) }
            for column in choice.extraColumns.map(\.name) where !extra.contains(column) { extra.append(column) }
        }
        let labelColumns = languages.map { $0 == LocalizedText.untranslated ? "label" : "label::\($0)" }
        var lines = [(["list_name", "name"] + labelColumns + extra).map(quoted).joined(separator: ",")]
        for list in lists {
            for choice in list.choices {
                let labels = languages.map { language in choice.label.texts.first { $0.name == language }?.value ?? "" }
                let others = extra.map { column in choice.extraColumns.first { $0.name == column }?.value ?? "" }
                lines.append(([list.name, choice.name] + labels + others).map(quoted).joined(separator: ","))
            }
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    private static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
