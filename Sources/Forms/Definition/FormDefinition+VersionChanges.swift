extension FormDefinition {
    /// Warnings for a new version of a form whose questions changed type since `previous`.
    ///
    /// A new version is always accepted (collectors in the field may still send the old one, and
    /// each submission stays attached to the version it was made with), but a question whose
    /// answers change meaning, say from `integer` to `text`, splits its data in two for analysis:
    /// the author should know before collecting more.
    public func typeChanges(since previous: FormDefinition, fileName: String) -> [FormProblem] {
        let before = Dictionary(previous.answerPaths().map { ($0.path, $0.element) }, uniquingKeysWith: { first, _ in first })
        var warnings: [FormProblem] = []
        for (path, element) in answerPaths() {
            guard let old = before[path], old.type.dataKind != element.type.dataKind else { continue }
            let versionText = previous.settings.version.map { "version \($0)" } ?? "the previous version"
            warnings.append(FormProblem(
                file: fileName, sheet: "survey", row: element.row == 0 ? nil : element.row, column: "type",
                message: "'\(path)' was \(old.typeText) in \(versionText) and is now \(element.typeText). Submissions already made keep the old type, so analysis will see two kinds of answer for it; give the changed question a new name if the meaning changed."))
        }
        return warnings
    }

    /// Every element that holds an answer, with its path of names from the root ("household/age").
    func answerPaths() -> [(path: String, element: FormElement)] {
        walk().compactMap { element, ancestors in
            element.isSection ? nil : ((ancestors + [element.name]).joined(separator: "/"), element)
        }
    }
}

extension FormElementType {
    /// What kind of value an answer holds: two types with the same kind store comparable answers
    /// (a `select_one` whose list is renamed still holds one choice name).
    var dataKind: String {
        switch self {
        case .selectOne, .selectOneFromFile, .selectOneExternal: "select_one"
        case .selectMultiple, .selectMultipleFromFile: "select_multiple"
        case .calculate, .hidden, .text, .barcode: "text"
        default: xlsFormName.split(separator: " ").first.map(String.init) ?? xlsFormName
        }
    }
}
