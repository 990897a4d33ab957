/// A form's elements arranged for reading submissions: for the top level and every group and
/// repeat, its elements by name, each with its value type and whether it is required worked out
/// once. A server builds it once per form version, so reading a submission neither copies form
/// elements nor builds lookups.
final class FlatteningPlan: Sendable {
    let root: Section

    init(form: FormDefinition) {
        root = Section(form.elements)
    }

    /// The elements of one level, in form order and by name. `select_one x or_other` adds the
    /// sibling text node `<name>_other` that pyxform writes.
    final class Section: Sendable {
        let nodes: [Node]
        let byName: [String: Node]

        init(_ elements: [FormElement]) {
            nodes = elements.map(Node.init)
            var byName: [String: Node] = [:]
            for node in nodes where byName[node.element.name] == nil { byName[node.element.name] = node }
            for element in elements {
                switch element.type {
                case .selectOne(_, true), .selectMultiple(_, true):
                    let other = element.name + "_other"
                    if byName[other] == nil { byName[other] = Node(FormElement(name: other, type: .text)) }
                default: break
                }
            }
            self.byName = byName
        }
    }

    final class Node: Sendable {
        let element: FormElement
        let valueType: InstanceValueType
        let requirement: Requirement
        /// The children of a group or repeat.
        let section: Section?

        init(_ element: FormElement) {
            self.element = element
            valueType = InstanceValueType(element.type, parameters: element.parameters) ?? .string
            requirement = Requirement(element.required)
            section = element.isSection ? Section(element.children) : nil
        }
    }

    /// `required` as written: a constant, or an expression to evaluate per submission.
    enum Requirement: Sendable {
        case never
        case always
        case when(String)

        init(_ text: String?) {
            let required = text?.trimmingXPathWhitespace() ?? ""
            switch required.lowercased() {
            case "", "no", "false", "false()", "0": self = .never
            case "yes", "true", "true()", "1": self = .always
            default: self = .when(required)
            }
        }
    }
}
