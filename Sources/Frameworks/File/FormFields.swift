import Forms

/// The questions of a form by name, for checking what a framework refers to.
struct FormFields {
    let formID: String
    private let elements: [String: FormElement]
    private let form: FormDefinition

    init(_ form: FormDefinition) {
        self.form = form
        self.formID = form.settings.formID ?? ""
        var elements: [String: FormElement] = [:]
        for (element, _) in form.walk() where element.type != .group && element.type != .repeat {
            elements[element.name] = element
        }
        self.elements = elements
    }

    func element(_ name: String) -> FormElement? { elements[name] }

    /// The choice names of a select question, or nil when `name` is not one.
    func choiceNames(of name: String) -> [String]? {
        guard let element = elements[name] else { return nil }
        switch element.type {
        case .selectOne(let list, _), .selectMultiple(let list, _):
            return form.choiceList(named: list)?.choices.map(\.name) ?? []
        default:
            return nil
        }
    }

    func isSelectOne(_ name: String) -> Bool {
        if case .selectOne = elements[name]?.type { return true }
        return false
    }
}
