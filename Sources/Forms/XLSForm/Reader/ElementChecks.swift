/// Checks that need the whole element tree, which pyxform only makes when it builds the XForm:
/// a question people see needs a label or hint, `big-image` needs an `image`, a trigger must be
/// a question people answer, `reference-geometry` must name something the form has, and
/// external instances need distinct names.
struct ElementChecks {
    var elements: [FormElement]
    /// The survey sheet name and its headers, to say where problems are.
    var table: SheetTable

    /// Every element, depth first.
    private var all: [FormElement] {
        var result: [FormElement] = []
        func visit(_ elements: [FormElement]) {
            for element in elements {
                result.append(element)
                visit(element.children)
            }
        }
        visit(elements)
        return result
    }

    /// Whether `element` is shown to the person filling in the form (pyxform makes a body
    /// control for it).
    static func isShown(_ element: FormElement) -> Bool {
        switch element.type {
        case .calculate, .hidden, .metadata, .xmlExternal, .csvExternal, .group, .repeat:
            return false
        default:
            let computed = element.calculation != nil || element.trigger != nil
            return !(computed && element.label.isEmpty && element.hint.isEmpty)
        }
    }

    /// Whether `element` only computes its value (a calculate, or a hidden calculation or
    /// trigger): its value never changes by hand, so it cannot trigger other calculations.
    static func isComputed(_ element: FormElement) -> Bool {
        if element.type == .calculate { return true }
        let computed = element.calculation != nil || element.trigger != nil
        return computed && element.label.isEmpty && element.hint.isEmpty
    }

    func checkLabels(log: inout FormProblemLog) {
        for element in all {
            let location = ProblemLocation(sheet: table.name, row: element.row, column: nil)
            if Self.isShown(element), element.label.isEmpty, element.hint.isEmpty, element.media.isEmpty {
                log.error(at: location.column(table.header(["label"], fallback: "label")),
                          "the question '\(element.name)' needs a label (or at least a hint) so people know what to answer.")
            }
            if !element.media.bigImage.isEmpty, element.media.image.isEmpty {
                log.error(at: location.column(table.columns.first { $0.key.starts(with: ["media", "big-image"]) }?.header ?? "big-image"),
                          "big-image shows a larger version of the image, so '\(element.name)' also needs an image.")
            }
        }
    }

    /// Triggers must point at a question (not a group) that people answer.
    func checkTriggers(_ triggers: [(name: String, location: ProblemLocation)], questionNames: Set<String>,
                       nameCounts: [String: Int], log: inout FormProblemLog) {
        let elementsByName = Dictionary(grouping: all, by: \.name)
        for (name, location) in triggers {
            guard questionNames.contains(name) else {
                log.error(at: location, "the trigger ${\(name)} does not name a question of the survey sheet.")
                continue
            }
            if (nameCounts[name] ?? 0) > 1 {
                log.error(at: location, "the trigger ${\(name)} is ambiguous: more than one question is named '\(name)'.")
                continue
            }
            if let target = elementsByName[name]?.first, Self.isComputed(target) {
                log.error(at: location, "${\(name)} is not shown to people, so its answer never changes and it cannot trigger a calculation.")
            }
        }
    }

    /// `reference-geometry` must name a choice list, an attached file's instance, or be a
    /// reference to a repeat.
    func checkGeometry(_ references: [(value: String, location: ProblemLocation)], secondaryInstances: Set<String>,
                       choiceListNames: Set<String>, repeatNames: Set<String>, log: inout FormProblemLog) {
        for (value, location) in references {
            if secondaryInstances.contains(value) || choiceListNames.contains(value) { continue }
            if let reference = VariableReference.whole(value), repeatNames.contains(reference.name) { continue }
            log.error(at: location, "reference-geometry must be the name of a choice list or an attached file, or a reference to a repeat (${repeat_name}); '\(value)' is none of these.")
        }
    }

    /// The `search()` appearance reads choices from an attached CSV at run time: it cannot be
    /// used on a select from a file, and a list it uses cannot also serve ordinary selects.
    func checkSearchAppearance(log: inout FormProblemLog) {
        var searchLists: [(list: String, element: FormElement)] = []
        var plainLists: [String: [String]] = [:]
        for element in all {
            let usesSearch = element.appearance?.contains("search(") == true
            switch element.type {
            case .selectOneFromFile, .selectMultipleFromFile:
                if usesSearch {
                    log.error(sheet: table.name, row: element.row, column: table.header(["control", "appearance"], fallback: "appearance"),
                              "search() cannot be used on a select from a file; remove search() or use select_one with a choice list.")
                }
            case .selectOne(let list, _), .selectMultiple(let list, _), .rank(let list):
                if usesSearch {
                    searchLists.append((list, element))
                } else {
                    plainLists[list, default: []].append(element.name)
                }
            default:
                break
            }
        }
        for (list, element) in searchLists {
            guard let others = plainLists[list] else { continue }
            let names = others.map { "'\($0)'" }.joined(separator: ", ")
            log.error(sheet: table.name, row: element.row, column: table.header(["type"], fallback: "type"),
                      "'\(element.name)' uses search() with the list '\(list)', which \(names) also use without search(); use search() on all of them or give this one its own list.")
        }
    }

    /// xml-external and csv-external questions each make an instance named after them.
    func checkExternalInstances(log: inout FormProblemLog) {
        var seen: [String: Int] = [:]
        for element in all where element.type == .xmlExternal || element.type == .csvExternal {
            if let first = seen[element.name] {
                log.error(sheet: table.name, row: element.row, column: table.header(["name"], fallback: "name"),
                          "an external instance named '\(element.name)' is already declared on row \(first); instance names must be unique in the form.")
            } else {
                seen[element.name] = element.row
            }
        }
    }
}
