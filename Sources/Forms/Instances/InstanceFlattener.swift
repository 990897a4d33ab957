/// Reads a submitted instance against the form version it was made with: the element tree gives
/// each node's type; every answered node becomes a typed ``InstanceValue`` (repeat instances as
/// child rows linked to their parent), and every mismatch an ``InstanceFinding``. It never drops
/// data: a node the form does not know is kept as an `unknown` value with a finding.
///
/// Checked without expressions: types, choices, `required` when it is a constant ("yes").
/// Constraints, relevance and `required` expressions are checked only when `rules` is given (see
/// ``InstanceRules`` and ``ExpressionInstanceRules``). Devices leave non-relevant nodes out of the
/// submission, so a missing node with a `relevant` is taken as skipped unless its relevance
/// evaluates to true; an answer whose relevance (or an enclosing group's) is false is a finding.
public struct InstanceFlattener: Sendable {
    public let form: FormDefinition
    /// Constraint, relevance and `required` expressions; nil checks none of them. A server keeps
    /// one flattener per form version and gives it rules reading the moment of each submission.
    public var rules: (any InstanceRules)?
    private let plan: FlatteningPlan

    public init(form: FormDefinition, rules: (any InstanceRules)? = nil) {
        self.form = form
        self.rules = rules
        plan = FlatteningPlan(form: form)
    }

    /// The root element name the form's instance uses (`name` setting, "data" by default as in pyxform).
    public var rootName: String { form.settings.rootName ?? "data" }

    public func flatten(_ instance: SubmittedInstance) -> FlattenedInstance {
        var walk = Walk(form: form, rules: rules, instance: instance)
        let root = instance.root
        let rootPath = "/" + root.name
        if instance.isEncrypted {
            // Only the envelope can be read; the answers are in the encrypted file (an attachment).
            let files = [root.child("encryptedXmlFile")?.text] + (root.child("media")?.children.map(\.text) ?? [])
            let names = files.compactMap { $0?.trimmingXPathWhitespace() }.filter { !$0.isEmpty }
            return FlattenedInstance(values: [], findings: [InstanceFinding(
                path: rootPath, kind: .metadata,
                message: "The submission is encrypted on the device; it is kept as sent, and its answers can be read only with the form's private key.")],
                attachmentNames: names)
        }
        if root.name != rootName {
            walk.finding(rootPath, .metadata, "The root element is <\(root.name)>, but the form's instance uses <\(rootName)>.")
        }
        if instance.instanceID == nil {
            walk.finding(rootPath + "/meta/instanceID", .metadata,
                         "The submission has no meta/instanceID, so a resend cannot be told from a new record; it is identified by its content.")
        }
        walk.visit(root, section: plan.root, path: rootPath, indexed: rootPath, record: rootPath, parent: nil, isRoot: true,
                   irrelevant: nil)
        return FlattenedInstance(values: walk.values, findings: walk.findings, attachmentNames: walk.attachments)
    }
}

/// The state of one flattening pass.
private struct Walk {
    let form: FormDefinition
    let rules: (any InstanceRules)?
    let instance: SubmittedInstance
    var values: [InstanceValue] = []
    var findings: [InstanceFinding] = []
    var attachments: [String] = []

    init(form: FormDefinition, rules: (any InstanceRules)?, instance: SubmittedInstance) {
        self.form = form
        self.rules = rules
        self.instance = instance
    }

    mutating func finding(_ path: String, _ kind: InstanceFinding.Kind, _ message: String) {
        findings.append(InstanceFinding(path: path, kind: kind, message: message))
    }

    mutating func add(record: String, parent: Int?, path: String, type: InstanceValueType, text: String, number: Double? = nil) -> Int {
        let position = values.count
        values.append(InstanceValue(position: position, record: record, parentPosition: parent, path: path, type: type, text: text, number: number))
        return position
    }

    /// Visits the children of `node`, which the form describes with `section`.
    /// `path` has no indices, `indexed` has them (for findings), `record` is the enclosing repeat instance.
    /// `irrelevant` is the section (and its `relevant`) that makes everything inside not relevant, if any.
    mutating func visit(_ node: InstanceNode, section: FlatteningPlan.Section, path: String, indexed: String,
                        record: String, parent: Int?, isRoot: Bool, irrelevant: Irrelevance?) {
        var seen: [String: Int] = [:]
        for child in node.children {
            let count = (seen[child.name] ?? 0) + 1
            seen[child.name] = count
            let childPath = path + "/" + child.name
            guard let planned = section.byName[child.name] else {
                if isRoot && child.name == "meta" {
                    visitMeta(child, path: childPath, record: record, parent: parent)
                } else {
                    unknown(child, path: childPath, indexed: indexed + "/" + child.name + (count > 1 ? "[\(count)]" : ""), record: record, parent: parent,
                            announce: true)
                }
                continue
            }
            switch planned.element.type {
            case .repeat:
                let instancePath = indexed + "/" + child.name + "[\(count)]"
                let row = add(record: instancePath, parent: parent, path: childPath, type: .repeat, text: "")
                visit(child, section: planned.section ?? FlatteningPlan.Section([]), path: childPath, indexed: instancePath, record: instancePath,
                      parent: row, isRoot: false, irrelevant: irrelevant ?? irrelevance(of: planned, indexed: instancePath))
            case .group:
                let groupPath = indexed + "/" + child.name + (count > 1 ? "[\(count)]" : "")
                if count == 2 { finding(groupPath, .repeatedNode, "The group '\(child.name)' appears more than once; only repeats may.") }
                visit(child, section: planned.section ?? FlatteningPlan.Section([]), path: childPath, indexed: groupPath, record: record,
                      parent: parent, isRoot: false, irrelevant: irrelevant ?? irrelevance(of: planned, indexed: groupPath))
            default:
                let nodePath = indexed + "/" + child.name + (count > 1 ? "[\(count)]" : "")
                if count == 2 { finding(nodePath, .repeatedNode, "The answer '\(child.name)' appears more than once; every copy is kept.") }
                answer(child, planned: planned, path: childPath, indexed: nodePath, record: record, parent: parent,
                       irrelevant: irrelevant ?? irrelevance(of: planned, indexed: nodePath))
            }
        }
        // Required answers whose node is missing altogether (not merely empty).
        if irrelevant == nil {
            for planned in section.nodes where seen[planned.element.name] == nil {
                missing(planned, indexed: indexed + "/" + planned.element.name)
            }
        }
    }

    mutating func answer(_ node: InstanceNode, planned: FlatteningPlan.Node, path: String, indexed: String, record: String, parent: Int?,
                         irrelevant: Irrelevance?) {
        let element = planned.element
        let type = planned.valueType
        if node.hasElementChildren {
            finding(indexed, .unknownNode, "'\(element.name)' should hold a single answer, but contains other elements; they are kept as they are.")
            for child in node.children { unknown(child, path: path + "/" + child.name, indexed: indexed + "/" + child.name, record: record, parent: parent, announce: false) }
        }
        let text = node.text
        let trimmed = text.trimmingXPathWhitespace()
        guard !trimmed.isEmpty else {
            if irrelevant == nil, isRequired(planned, indexed: indexed) {
                finding(indexed, .requiredMissing, requiredMessage(element))
            }
            return
        }
        // Typed values are checked on the trimmed text; strings are kept exactly as written.
        let checked = type == .string || type == .barcode ? text : trimmed
        var number: Double?
        if let problem = XFormValueSyntax.problem(checked, type) {
            finding(indexed, .invalidValue, problem)
        } else {
            number = XFormValueSyntax.number(checked, type)
            checkChoices(checked, element: element, type: type, indexed: indexed)
            if type == .binary { attachments.append(checked) }
            if let irrelevant {
                finding(indexed, .notRelevant, notRelevantMessage(element, checked, irrelevant))
            } else if let constraint = element.constraint, let holds = rules?.holds(constraint, at: indexed, of: element, in: instance), !holds {
                finding(indexed, .constraintFailed, constraintMessage(element, checked, constraint))
            }
        }
        _ = add(record: record, parent: parent, path: path, type: type, text: checked, number: number)
    }

    mutating func checkChoices(_ text: String, element: FormElement, type: InstanceValueType, indexed: String) {
        let list: String
        let orOther: Bool
        switch element.type {
        case .selectOne(let name, let other), .selectMultiple(let name, let other):
            list = name
            orOther = other
        case .rank(let name):
            list = name
            orOther = false
        default: return
        }
        // A list the form does not carry (choices from a file or a filter) cannot be checked here.
        guard let choices = form.choiceList(named: list) else { return }
        let picked = type == .select1 ? [text] : text.split(separator: " ").map(String.init)
        for name in picked where choices.choice(named: name) == nil && !(orOther && name == "other") {
            finding(indexed, .unknownChoice, "'\(name)' is not a choice of the list '\(list)'.")
        }
    }

    /// A node the form does not define: every leaf is kept as an `unknown` value.
    mutating func unknown(_ node: InstanceNode, path: String, indexed: String, record: String, parent: Int?, announce: Bool) {
        if announce {
            finding(indexed, .unknownNode, "The form version does not define '\(node.name)'; its content is kept as sent.")
        }
        if node.hasElementChildren {
            var seen: [String: Int] = [:]
            for child in node.children {
                let count = (seen[child.name] ?? 0) + 1
                seen[child.name] = count
                unknown(child, path: path + "/" + child.name, indexed: indexed + "/" + child.name + (count > 1 ? "[\(count)]" : ""),
                        record: record, parent: parent, announce: false)
            }
        } else if !node.text.trimmingXPathWhitespace().isEmpty {
            _ = add(record: record, parent: parent, path: path, type: .unknown, text: node.text)
        }
    }

    /// `meta` (instanceID, deprecatedID, instanceName …) is written by every form; its values are strings.
    mutating func visitMeta(_ node: InstanceNode, path: String, record: String, parent: Int?) {
        for child in node.children {
            let text = child.text.trimmingXPathWhitespace()
            if child.hasElementChildren {
                unknown(child, path: path + "/" + child.name, indexed: path + "/" + child.name, record: record, parent: parent, announce: false)
            } else if !text.isEmpty {
                _ = add(record: record, parent: parent, path: path + "/" + child.name, type: .string, text: text)
            }
        }
    }

    /// Records required answers under an element whose node is absent. A node with a `relevant`
    /// (or inside a group with one) is taken as skipped: devices leave non-relevant nodes out.
    mutating func missing(_ planned: FlatteningPlan.Node, indexed: String) {
        let element = planned.element
        if let relevant = element.relevant, rules?.holds(relevant, at: indexed, of: element, in: instance) != true { return }
        switch element.type {
        case .repeat, .xmlExternal, .csvExternal: return
        case .group:
            for child in planned.section?.nodes ?? [] { missing(child, indexed: indexed + "/" + child.element.name) }
        default:
            if isRequired(planned, indexed: indexed) {
                finding(indexed, .requiredMissing, requiredMessage(element) + " (the node is missing from the submission)")
            }
        }
    }

    func isRequired(_ planned: FlatteningPlan.Node, indexed: String) -> Bool {
        switch planned.requirement {
        case .never: false
        case .always: true
        case .when(let required): rules?.holds(required, at: indexed, of: planned.element, in: instance) ?? false
        }
    }

    /// What makes `planned` not relevant at `indexed`: its own `relevant` when it evaluates to false.
    func irrelevance(of planned: FlatteningPlan.Node, indexed: String) -> Irrelevance? {
        guard let relevant = planned.element.relevant, rules?.holds(relevant, at: indexed, of: planned.element, in: instance) == false else { return nil }
        return Irrelevance(planned: planned, relevant: relevant)
    }

    /// "'age' (survey row 4)": the question and where the author wrote it.
    func describe(_ element: FormElement) -> String {
        "'\(element.name)'" + (element.row > 0 ? " (survey sheet row \(element.row))" : "")
    }

    func constraintMessage(_ element: FormElement, _ answer: String, _ constraint: String) -> String {
        let custom = element.constraintMessage[form.settings.defaultLanguage ?? LocalizedText.untranslated]
            ?? element.constraintMessage.texts.first(where: { !$0.value.isEmpty })?.value
        return "The answer '\(answer)' to \(describe(element)) does not meet its constraint \(constraint)"
            + (custom.map { "; the form says: \"\($0)\"" } ?? ".")
    }

    func notRelevantMessage(_ element: FormElement, _ answer: String, _ irrelevant: Irrelevance) -> String {
        let reason = irrelevant.planned.element.name == element.name && irrelevant.planned.element.row == element.row
            ? "its relevance \(irrelevant.relevant) is false"
            : "it is inside \(describe(irrelevant.planned.element)), whose relevance \(irrelevant.relevant) is false"
        return "\(describe(element)) was answered '\(answer)', but \(reason), so ODK Collect would not have asked it; the answer is kept."
    }

    func requiredMessage(_ element: FormElement) -> String {
        let custom = element.requiredMessage.texts.first { !$0.value.isEmpty }?.value
        let label = element.label.texts.first { !$0.value.isEmpty }?.value
        let base = custom ?? (label.map { "An answer is required for \"\($0)\"." } ?? "An answer is required for '\(element.name)'.")
        let required = element.required?.trimmingXPathWhitespace() ?? ""
        let isConstant = ["yes", "true", "true()", "1"].contains(required.lowercased())
        return isConstant ? base : base + " (\(describe(element)) is required when \(required))"
    }
}

/// The section or question whose `relevant` is false, making what it covers not relevant.
private struct Irrelevance {
    var planned: FlatteningPlan.Node
    var relevant: String
}
