import Foundation

/// Checks constraints, relevance and `required` expressions of a submission on the server, in the
/// same expression language the device used, so that a record ODK Collect would have refused (or
/// not sent) is flagged for review instead of silently trusted.
///
/// References resolve as in ODK Collect: `${name}` is the nearest node of that name (the same
/// repeat instance first, then the enclosing ones, then the top level), and a question inside a
/// repeat referred to from outside it gives every instance's value. `today()` and `now()` read the
/// `now` given at creation, never a clock. Anything the server cannot evaluate (secondary
/// instances, unsupported functions, unknown names) answers nil: undecided, never a guess.
public struct ExpressionInstanceRules: InstanceRules {
    public var form: FormDefinition { elements.form }
    /// The moment `today()` and `now()` read.
    public private(set) var now: Date
    public let timeZone: TimeZone
    /// The form and its elements placed; shared, since every check copies these rules into the
    /// closures of its evaluation context.
    private let elements: PlacedElements
    private var placed: [PlacedElement] { elements.placed }
    private var placedByNames: [[String]: Int] { elements.byNames }
    private var placedByName: [String: [Int]] { elements.byName }
    /// The form's constraint, relevant and required texts, parsed once; `supported` holds those
    /// the server can evaluate (see ``isSupported(_:)``).
    private let parsed: [String: Expression]
    private var supported: [String: Expression]
    private let unparsable: Set<String>

    public init(form: FormDefinition, now: Date, timeZone: TimeZone = .gmt) {
        self.now = now
        self.timeZone = timeZone
        var placed: [PlacedElement] = []
        func visit(_ elements: [FormElement], names: [String], repeats: [Bool]) {
            for element in elements {
                let isRepeat = if case .repeat = element.type { true } else { false }
                placed.append(PlacedElement(names: names + [element.name], repeats: repeats + [isRepeat], element: element))
                if element.isSection { visit(element.children, names: names + [element.name], repeats: repeats + [isRepeat]) }
            }
        }
        visit(form.elements, names: [], repeats: [])
        var placedByNames: [[String]: Int] = [:]
        var placedByName: [String: [Int]] = [:]
        for (index, entry) in placed.enumerated() {
            if placedByNames[entry.names] == nil { placedByNames[entry.names] = index }
            if let name = entry.names.last { placedByName[name, default: []].append(index) }
        }
        elements = PlacedElements(form: form, placed: placed, byNames: placedByNames, byName: placedByName)
        var parsed: [String: Expression] = [:]
        var unparsable = Set<String>()
        for entry in placed {
            for text in [entry.element.constraint, entry.element.relevant, entry.element.required].compactMap({ $0 })
            where parsed[text] == nil && !unparsable.contains(text) {
                if let expression = try? Expression.parse(text) { parsed[text] = expression } else { unparsable.insert(text) }
            }
        }
        self.parsed = parsed
        self.unparsable = unparsable
        supported = [:]  // every property must be set before `isSupported` can run
        supported = parsed.filter { isSupported($0.value) }
    }

    /// The same rules reading `now` as the moment of `today()` and `now()`: a server prepares a
    /// form version's rules once (parsing every expression) and checks each submission at its own time.
    public func at(_ now: Date) -> ExpressionInstanceRules {
        var rules = self
        rules.now = now
        return rules
    }

    public func holds(_ expression: String, at path: String, of element: FormElement, in instance: SubmittedInstance) -> Bool? {
        guard let parsed = supported[expression] ?? parse(expression).flatMap({ isSupported($0) ? $0 : nil }),
              let location = InstanceLocation(indexed: path) else { return nil }
        let context = context(at: location, root: instance.root)
        do {
            return try ExpressionEvaluator(context: context).evaluate(parsed).booleanValue
        } catch {
            return nil
        }
    }

    private func parse(_ text: String) -> Expression? {
        if let expression = parsed[text] { return expression }
        if unparsable.contains(text) { return nil }
        return try? Expression.parse(text)
    }

    // MARK: - Context

    /// The evaluation context for the node at `location`: answers, paths and labels read from
    /// the submission and the form.
    func context(at location: InstanceLocation, root: InstanceNode) -> ExpressionContext {
        let rules = self
        return ExpressionContext(
            now: now, timeZone: timeZone,
            currentValue: location.node(in: root).map { $0.stringValue.trimmingXPathWhitespace() },
            position: repeatPosition(of: location),
            answer: { name in
                rules.reference(name, from: location, root: root).locations.first?.node(in: root)?.stringValue
            },
            repeatedAnswers: { name in
                let resolved = rules.reference(name, from: location, root: root)
                guard resolved.isNodeSet else { return nil }
                // A question left out of a repeat instance (not relevant) still had a node on the device.
                return resolved.locations.map { $0.node(in: root)?.stringValue ?? "" }
            },
            pathValues: { text in
                rules.pathLocations(text, from: location, root: root).map { $0.node(in: root)?.stringValue ?? "" }
            },
            choiceLabel: { question, choice in rules.choiceLabel(question: question, choice: choice, near: location) },
            unansweredIsEmptyText: true)
    }

    /// The 1-based index of the innermost repeat instance holding `location` (`position(..)`).
    func repeatPosition(of location: InstanceLocation) -> Int? {
        let names = location.steps.dropFirst().map(\.name)
        guard let index = placedByNames[names] else { return nil }
        for (offset, isRepeat) in placed[index].repeats.enumerated().reversed() where isRepeat {
            return location.steps[offset + 1].occurrence
        }
        return nil
    }

    /// The element `${name}` means from `location`: of the elements with that name, the one
    /// sharing the most enclosing groups and repeats with it (then the first in the form).
    private func element(named name: String, near location: InstanceLocation) -> PlacedElement? {
        let names = location.steps.dropFirst().map(\.name)
        let placed = placed
        var best: Int?
        var bestShared = -1
        for index in placedByName[name] ?? [] {
            let shared = zip(placed[index].names.dropLast(), names).prefix { $0 == $1 }.count
            if shared > bestShared {
                best = index
                bestShared = shared
            }
        }
        return best.map { placed[$0] }
    }

    /// Where `${name}` points from `location`: its absolute path with the repeat indices of the
    /// repeats both share taken from `location` (JavaRosa's contextualisation). It is a node-set
    /// when it goes down into a repeat that does not hold `location`.
    private func reference(_ name: String, from location: InstanceLocation, root: InstanceNode) -> (locations: [InstanceLocation], isNodeSet: Bool) {
        guard let entry = element(named: name, near: location) else { return ([], false) }
        var current = [InstanceLocation(steps: [.init(name: root.name, occurrence: 1)])]
        var following = location.steps.first?.name == root.name
        var isNodeSet = false
        for (offset, stepName) in entry.names.enumerated() {
            let depth = offset + 1
            if following, depth < location.steps.count, location.steps[depth].name == stepName {
                current = current.map { $0.child(stepName, occurrence: location.steps[depth].occurrence) }
            } else {
                following = false
                if entry.repeats[offset] { isNodeSet = true }
                // Repeat instances are those submitted; anything else has one node in each.
                current = entry.repeats[offset]
                    ? current.flatMap { $0.children(in: root, named: stepName) }
                    : current.map { $0.child(stepName, occurrence: 1) }
            }
        }
        return (current, isNodeSet)
    }

    /// The locations a path selects (`/data/group/q`, `../q`, `current()/../q`, `*[2]`).
    /// Absolute paths take the repeat indices they share with `location`, as `${name}` does.
    private func pathLocations(_ text: String, from location: InstanceLocation, root: InstanceNode) -> [InstanceLocation] {
        guard case .path(let path)? = try? Expression.parse(text) else { return [] }
        var current: [InstanceLocation]
        var steps = path.steps[...]
        var following = false
        switch path.start {
        case .root:
            guard let first = steps.first, first.axis == .child, matches(first.test, root.name) else { return [] }
            current = [InstanceLocation(steps: [.init(name: root.name, occurrence: 1)])]
            following = location.steps.first?.name == root.name && first.predicates.isEmpty
            steps = steps.dropFirst()
        case .relative, .expression:
            current = [location]
        }
        for step in steps {
            let depth = current.first?.steps.count ?? 0
            if following, step.axis == .child, step.predicates.isEmpty, current.count == 1, depth < location.steps.count,
               case .name(let name) = step.test, localName(name) == location.steps[depth].name {
                current = [current[0].child(location.steps[depth].name, occurrence: location.steps[depth].occurrence)]
                continue
            }
            following = false
            var next: [InstanceLocation] = []
            for from in current {
                var selected: [InstanceLocation]
                switch step.axis {
                case .parent: selected = from.parent.map { [$0] } ?? []
                case .self: selected = [from]
                default: selected = from.children(in: root, named: nil)
                }
                selected = selected.filter { matches(step.test, $0.steps.last?.name ?? "") }
                // A question the device left out (not relevant) had an empty node there.
                if selected.isEmpty, step.axis == .child, case .name(let name) = step.test, let defined = definedChild(localName(name), of: from) {
                    selected = [defined]
                }
                for predicate in step.predicates {
                    guard case .number(let literal) = predicate, let index = Int(literal), index >= 1, index <= selected.count else {
                        selected = []
                        break
                    }
                    selected = [selected[index - 1]]
                }
                for location in selected where !next.contains(location) { next.append(location) }
            }
            current = next
        }
        return current
    }

    /// The location of the child `name` of `parent` when the form defines it there as a
    /// question or group (not a repeat, whose instances are only those submitted).
    private func definedChild(_ name: String, of parent: InstanceLocation) -> InstanceLocation? {
        let names = parent.steps.dropFirst().map(\.name) + [name]
        guard let index = placedByNames[names], placed[index].repeats.last == false else { return nil }
        return parent.child(name, occurrence: 1)
    }

    private func matches(_ test: Expression.NodeTest, _ name: String) -> Bool {
        switch test {
        case .name(let wanted): localName(wanted) == name
        case .wildcard, .node: true
        default: false
        }
    }

    private func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// The label of `choice` in the list of `question`, in the form's default language.
    private func choiceLabel(question: String, choice: String, near location: InstanceLocation) -> String? {
        guard let entry = element(named: question, near: location) else { return nil }
        let list: String
        switch entry.element.type {
        case .selectOne(let name, _), .selectMultiple(let name, _), .rank(let name): list = name
        default: return nil
        }
        guard let label = form.choiceList(named: list)?.choice(named: choice)?.label else { return nil }
        return label[form.settings.defaultLanguage ?? LocalizedText.untranslated]
            ?? label[LocalizedText.untranslated] ?? label.texts.first { !$0.value.isEmpty }?.value
    }

    // MARK: - What the server can evaluate

    /// Whether every part of `expression` can be evaluated against a submission alone: no
    /// secondary instances, only the child, parent and self axes, only numeric predicates, and
    /// only `${name}` references to elements of the form.
    func isSupported(_ expression: Expression) -> Bool {
        switch expression {
        case .number, .string:
            return true
        case .reference(let name):
            return placedByName[name] != nil
        case .path(let path):
            switch path.start {
            case .root, .relative: break
            case .expression(let start): guard start == .function("current", arguments: []) else { return false }
            }
            return path.steps.allSatisfy { step in
                [.child, .parent, .self].contains(step.axis)
                    && { if case .name = step.test { true } else { step.test == .node || step.test == .wildcard(prefix: nil) } }()
                    && step.predicates.allSatisfy { if case .number = $0 { true } else { false } }
            }
        case .filter:
            return false
        case .function(let name, let arguments):
            return name != "instance" && arguments.allSatisfy(isSupported)
        case .negation(let operand):
            return isSupported(operand)
        case .binary(_, let left, let right), .union(let left, let right):
            return isSupported(left) && isSupported(right)
        }
    }
}

/// The form's elements with where each is, looked up by the chain of names leading to it and by
/// its own name.
private final class PlacedElements: Sendable {
    let form: FormDefinition
    let placed: [PlacedElement]
    let byNames: [[String]: Int]
    let byName: [String: [Int]]

    init(form: FormDefinition, placed: [PlacedElement], byNames: [[String]: Int], byName: [String: [Int]]) {
        self.form = form
        self.placed = placed
        self.byNames = byNames
        self.byName = byName
    }
}

/// A form element with the names of the groups and repeats leading to it (and its own name last),
/// and which of those are repeats.
private struct PlacedElement: Sendable {
    var names: [String]
    var repeats: [Bool]
    var element: FormElement
}
