/// A questionnaire exactly as its XLSForm defines it: every sheet, column and setting, kept in
/// the author's order and words. It is the one model between reading (xlsx/csv) and every use of a
/// form: writing the XForm for ODK Collect, checking submissions, flattening answers for analysis.
/// Expressions stay as the author wrote them (with `${name}` references); the expression parser
/// turns them into syntax trees where a use needs one.
public struct FormDefinition: Sendable, Equatable, Codable {
    public var settings: FormSettings
    /// The top-level survey elements (questions, groups, repeats) in sheet order.
    public var elements: [FormElement]
    /// Choice lists in the order they first appear on the choices sheet.
    public var choiceLists: [FormChoiceList]
    /// Languages used by any translated column (`label::French (fr)` gives "French (fr)"), in
    /// order of first appearance. Empty when the form has no translated column.
    public var languages: [String]
    /// Legal but suspect things the author should look at (never a reason to refuse the form).
    public var warnings: [FormProblem]
    /// Lists of the external_choices sheet (for `select_one_external`), in order of first appearance.
    public var externalChoiceLists: [FormChoiceList]

    public init(settings: FormSettings, elements: [FormElement], choiceLists: [FormChoiceList] = [],
                languages: [String] = [], warnings: [FormProblem] = [],
                externalChoiceLists: [FormChoiceList] = []) {
        self.settings = settings
        self.elements = elements
        self.choiceLists = choiceLists
        self.languages = languages
        self.warnings = warnings
        self.externalChoiceLists = externalChoiceLists
    }

    /// The choice list with this name, if the form has one.
    public func choiceList(named name: String) -> FormChoiceList? {
        choiceLists.first { $0.name == name }
    }

    /// Every element in document order (depth first), with the names of the groups and repeats
    /// that contain it: the order of the primary instance.
    public func walk() -> [(element: FormElement, ancestors: [String])] {
        var result: [(FormElement, [String])] = []
        func visit(_ elements: [FormElement], _ ancestors: [String]) {
            for element in elements {
                result.append((element, ancestors))
                if !element.children.isEmpty { visit(element.children, ancestors + [element.name]) }
            }
        }
        visit(elements, [])
        return result
    }
}
