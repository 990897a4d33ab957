/// Reads the `survey` sheet row by row into the element tree, as pyxform does: `begin`/`end`
/// rows nest groups and repeats, each row's type decides which checks apply, and names must be
/// unique where they live. It records what later checks need (names, triggers, references to
/// secondary instances) and keeps going after a problem, so every row is checked.
struct SurveySheetReader {
    let table: SheetTable
    let choiceLists: [String: FormChoiceList]
    /// Lists of the external_choices sheet; nil when the workbook has none.
    let externalLists: [String: FormChoiceList]?
    /// The instance root name (`name` setting, or "data"): a repeat may not share it.
    let rootName: String
    /// Every sheet name of the workbook, to suggest a misspelt sheet.
    let sheetNames: [String]

    /// The elements read, in sheet order.
    private(set) var elements: [FormElement] = []
    /// Settings given as survey rows (`form_id` as a type, the name as the value).
    private(set) var settingRows: [(setting: String, value: String)] = []
    /// How many times each name is used by a question, group or repeat anywhere in the form.
    private(set) var nameCounts: [String: Int] = [:]
    /// Names of questions (not groups or repeats): what a `trigger` may point at.
    private(set) var questionNames: Set<String> = []
    /// `trigger` references, with where they were written.
    private(set) var triggers: [(name: String, location: ProblemLocation)] = []
    /// `reference-geometry` parameter values, with where they were written.
    private(set) var geometryReferences: [(value: String, location: ProblemLocation)] = []
    /// Names of secondary instances the form will have (choice lists, attached files).
    private(set) var secondaryInstances: Set<String> = []
    private(set) var repeatNames: Set<String> = []
    /// Whether any select uses `or_other`.
    private(set) var usesOrOther = false
    /// `select_one ${question}` (choices from a repeat's answers), with where they were written.
    private(set) var previousAnswerSelects: [(name: String, location: ProblemLocation)] = []

    init(table: SheetTable, choiceLists: [FormChoiceList], externalLists: [FormChoiceList]?, rootName: String,
         sheetNames: [String]) {
        self.table = table
        self.choiceLists = Dictionary(choiceLists.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.externalLists = externalLists.map { lists in
            Dictionary(lists.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.rootName = rootName
        self.sheetNames = sheetNames
    }

    /// A group or repeat being read (the bottom frame is the survey itself).
    private struct Frame {
        var kind: TypeCell.SectionKind?
        var element: FormElement?
        var children: [FormElement] = []
        /// Names used in this scope; "meta" is reserved everywhere.
        var names: Set<String> = ["meta"]
        var lowerNames: Set<String> = []
        /// Names the XForm gives to generated elements here (`r_count` for the count of repeat
        /// `r`), with the row that makes them.
        var generated: [String: Int] = [:]
    }

    /// The state of a `table-list` group: selects in it must share one list.
    private enum TableList {
        case none, started
        case list(String)
    }

    mutating func read(log: inout FormProblemLog) {
        var stack = [Frame()]
        var tableList = TableList.none
        let sheet = table.name
        func header(_ key: [String], _ fallback: String) -> String { table.header(key, fallback: fallback) }

        for row in table.rows {
            let cells = table.cells(row)
            if cells.isEmpty { continue }
            let here = ProblemLocation(sheet: sheet, row: row.number, column: nil)
            let typeColumn = here.column(header(["type"], "type"))
            let nameColumn = here.column(header(["name"], "name"))
            let parametersColumn = here.column(header(["parameters"], "parameters"))

            if let disabled = table.value(row, ["disabled"]) {
                log.warning(at: here.column(header(["disabled"], "disabled")),
                            "the disabled column is not part of XLSForm (use relevant instead).")
                if YesNo.parse(disabled) == true { continue }
            }
            let hasLabel = cells.contains { $0.column.key[0] == "label" }
            guard let typeText = table.value(row, ["type"]) else {
                if table.value(row, ["name"]) == nil, !hasLabel {
                    log.warning(at: here, "this row has no type, name or label, so it is skipped.")
                } else {
                    log.error(at: typeColumn, "this row has no type. Give it a question type (for example text), or empty the row.")
                }
                continue
            }

            var element = FormElement(name: "", type: .text, typeText: typeText, row: row.number)
            SurveyRowFields.apply(cells, to: &element)
            if let parameterText = table.value(row, ["parameters"]) {
                do {
                    element.parameters = try ParameterList.parse(parameterText)
                } catch {
                    log.error(at: parametersColumn, "parameters must be written as name=value pairs separated by spaces, for example start=1 end=10 step=1.")
                }
            }
            let triggerNames = readTrigger(element.trigger, at: here.column(header(["trigger"], "trigger")), log: &log)
            let cell = TypeCell(typeText)
            let plainName: String? = if case .plain(let name) = cell { QuestionTypeCatalog.canonicalName(name) } else { nil }
            let hasDynamicDefault = element.defaultValue.map {
                DynamicDefault.isDynamic($0, typeName: plainName ?? typeText)
            } ?? false

            if plainName == "audit" {
                if let name = table.value(row, ["name"]), name != "audit" {
                    log.error(at: nameColumn, "the audit is always named 'audit'; leave its name empty.")
                }
                element.name = "audit"
                element.type = .metadata(.audit)
                ParameterRules.check(element.parameters, typeName: "audit", displayType: "audit", appearance: nil,
                                     at: parametersColumn, log: &log)
                stack[stack.count - 1].children.append(element)
                continue
            }
            if plainName == "calculate", element.calculation == nil, !hasDynamicDefault {
                log.error(at: here.column(header(["bind", "calculate"], "calculation")),
                          "a calculate question needs a calculation (or a default that is an expression).")
            }
            if let plainName, ["subscriberid", "simserial"].contains(plainName) {
                log.warning(at: typeColumn, "\(plainName) is no longer available on most phones (only Android 10 and older), so it will usually be empty.")
            }
            if case .setting(let setting) = cell {
                settingRows.append((setting, table.value(row, ["name"]) ?? ""))
                continue
            }

            // Names: every row but an `end` row needs a valid one, unique in its scope.
            var nameIsUsable = false
            if case .end = cell {} else {
                let name: String
                if let written = table.value(row, ["name"]) {
                    name = written
                } else if typeText == "note" {
                    name = "generated_note_name_\(row.number)"
                } else {
                    log.error(at: nameColumn, "this row has no name. Every question, group and repeat needs a name: it becomes the column of the answer in the data.")
                    name = ""
                }
                element.name = name
                if !name.isEmpty {
                    if XMLName.isValid(name) {
                        nameIsUsable = true
                    } else {
                        log.error(at: nameColumn, "'\(name)' is not a valid name: \(XMLName.ruleDescription).")
                    }
                    nameCounts[name, default: 0] += 1
                    checkUnique(name, in: &stack[stack.count - 1], at: nameColumn, log: &log)
                }
            }

            switch cell {
            case .setting:
                continue
            case .end(let kind):
                guard stack.count > 1, stack[stack.count - 1].kind == kind else {
                    log.error(at: typeColumn, "'\(typeText)' has no matching 'begin \(kind.rawValue)' above it.")
                    continue
                }
                let frame = stack.removeLast()
                if var section = frame.element {
                    section.children = frame.children
                    section.endRow = row.number
                    stack[stack.count - 1].children.append(section)
                }
                tableList = .none
                continue

            case .begin(let kind):
                switch kind {
                case .repeat:
                    element.type = .repeat
                    if nameIsUsable, element.name == rootName {
                        log.error(at: nameColumn, "a repeat cannot have the same name as the form's root element ('\(rootName)').")
                    } else if nameIsUsable, repeatNames.contains(element.name) {
                        log.error(at: nameColumn, "there is already a repeat named '\(element.name)'. Repeat names must be unique in the whole form, at every level.")
                    }
                    repeatNames.insert(element.name)
                    if let count = element.repeatCount, VariableReference.whole(count) == nil, nameIsUsable {
                        // pyxform computes the count in a calculate named after the repeat.
                        let countName = element.name + "_count"
                        if stack[stack.count - 1].names.contains(countName) {
                            log.error(at: here.column(header(["control", "jr:count"], "repeat_count")),
                                      "this repeat_count is computed in an element named '\(countName)', but that name is already used in the same group; rename that question or the repeat.")
                        }
                        stack[stack.count - 1].generated[countName] = row.number
                    }
                    if element.label.isEmpty, element.media.isEmpty {
                        log.warning(at: here.column(header(["label"], "label")),
                                    "the repeat '\(element.name)' has no label; people will not see what they are adding.")
                    }
                case .group:
                    element.type = .group
                case .loop:
                    element.type = .group
                    log.error(at: typeColumn, "'begin loop' is not supported by Counted; use a repeat (begin repeat) instead.")
                }
                if element.defaultValue != nil {
                    log.warning(at: here.column(header(["default"], "default")),
                                "groups and repeats have no value, so their default is ignored.")
                }
                if !element.parameters.isEmpty {
                    log.warning(at: parametersColumn, "groups and repeats take no parameters, so these are ignored.")
                }
                if element.appearance?.split(separator: " ").contains("table-list") == true {
                    tableList = .started
                }
                stack.append(Frame(kind: kind, element: element))
                continue

            case .selectWithoutList(let command):
                log.error(at: typeColumn, "'\(command)' needs the name of a choice list after it, for example '\(command) yes_no'.")
                continue

            case .select(let command, let list, let orOther):
                questionNames.insert(element.name)
                element.type = readSelect(command, list: list, orOther: orOther, element: element, here: here,
                                          tableList: &tableList, log: &log)
                stack[stack.count - 1].children.append(element)

            case .plain(let written):
                questionNames.insert(element.name)
                let name = QuestionTypeCatalog.canonicalName(written)
                if let reason = QuestionTypeCatalog.unsupported[name] ?? (written.hasPrefix("osm ") ? QuestionTypeCatalog.unsupported["osm"] : nil) {
                    log.error(at: typeColumn, reason)
                    continue
                }
                guard let type = QuestionTypeCatalog.type(named: written) else {
                    log.error(at: typeColumn, "unknown question type '\(written)'. Check the spelling (types are case-sensitive), or see https://xlsform.org/en/#question-types for the list.")
                    continue
                }
                element.type = type
                if type == .xmlExternal || type == .csvExternal {
                    secondaryInstances.insert(Self.fileStem(element.name))
                }
                checkPlainType(name, element: element, triggerNames: triggerNames, here: here, log: &log)
                stack[stack.count - 1].children.append(element)
            }
        }

        while stack.count > 1 {
            let frame = stack.removeLast()
            if let section = frame.element, let kind = frame.kind {
                log.error(sheet: sheet, row: section.row, column: header(["type"], "type"),
                          "'begin \(kind.rawValue)' for '\(section.name)' has no matching 'end \(kind.rawValue)' below it.")
                var closed = section
                closed.children = frame.children
                stack[stack.count - 1].children.append(closed)
            }
        }
        elements = stack[0].children
    }

    /// Reports a name already used in the same group (an error) or used with other capitals
    /// (a warning: some analysis tools ignore case).
    private func checkUnique(_ name: String, in frame: inout Frame, at location: ProblemLocation, log: inout FormProblemLog) {
        if let repeatRow = frame.generated[name] {
            log.error(at: location, "the name '\(name)' is taken by the computed repeat_count of the repeat on row \(repeatRow); choose another name.")
            return
        }
        if frame.names.contains(name) {
            if name == "meta" {
                log.error(at: location, "the name 'meta' is reserved for the form's metadata; choose another name.")
            } else {
                log.error(at: location, "the name '\(name)' is already used in the same group. Questions, groups and repeats need unique names within their group (or the survey).")
            }
            return
        }
        frame.names.insert(name)
        let lower = name.lowercased()
        if frame.lowerNames.contains(lower) {
            log.warning(at: location, "the name '\(name)' differs only in upper/lower case from another name in the same group; some analysis tools ignore case, so choose a more distinct name.")
        }
        frame.lowerNames.insert(lower)
    }

    /// The question names a `trigger` cell refers to (comma-separated `${name}`s).
    private mutating func readTrigger(_ text: String?, at location: ProblemLocation, log: inout FormProblemLog) -> [String] {
        guard let text else { return [] }
        guard text.count > 2, text.contains("${") else {
            log.error(at: location, "a trigger must be a reference to a question, written ${name} (several separated by commas).")
            return []
        }
        var names: [String] = []
        var offset = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += part.count + 1 }
            do {
                let references = try VariableReference.scan(String(part))
                if references.count > 1 {
                    log.error(at: location, "separate the questions of a trigger with commas, for example ${a}, ${b}.")
                    return []
                }
                names += references.map(\.name)
            } catch {
                log.error(at: location, "a reference must be ${ followed by a question name and }; the one at character \(offset + error.position) is not.")
                return []
            }
        }
        for name in names { triggers.append((name, location)) }
        return names
    }

    /// Checks a select row and returns its element type.
    private mutating func readSelect(_ command: TypeCell.SelectCommand, list: String, orOther: Bool, element: FormElement,
                                     here: ProblemLocation, tableList: inout TableList,
                                     log: inout FormProblemLog) -> FormElementType {
        let typeColumn = here.column(table.header(["type"], fallback: "type"))
        let parametersColumn = here.column(table.header(["parameters"], fallback: "parameters"))
        let fileExtension = Self.fileExtension(list)
        let isFileList = [".csv", ".xml", ".geojson"].contains(fileExtension)
        let previousAnswers = VariableReference.occurs(in: list)

        if command.kind == .oneExternal {
            if element.choiceFilter == nil {
                if choiceLists[list] == nil {
                    // pyxform fails on this combination (it then looks the list up on the choices sheet).
                    log.error(at: here.column(table.header(["choice_filter"], fallback: "choice_filter")),
                              "select_one_external needs a choice_filter: it is meant for selects filtered by earlier answers. Use select_one for a list that is not filtered.")
                } else {
                    log.warning(at: typeColumn, "select_one_external is meant for selects filtered with a choice_filter; this one has none.")
                }
            }
            if let externalLists {
                if externalLists[list] == nil {
                    log.error(at: typeColumn, "the list '\(list)' is not on the external_choices sheet.")
                }
            } else {
                log.error(at: typeColumn, "select_one_external needs an external_choices sheet (with list_name and name columns)." + SheetNameSpelling.hint(for: "external_choices", in: sheetNames))
            }
        } else {
            secondaryInstances.insert(Self.fileStem(list))
        }
        if command.fromFile, !(isFileList && Self.suffixCount(list) == 1) {
            log.error(at: typeColumn, "the file name '\(list)' must end with .csv, .xml or .geojson (and contain no other '.').")
        }
        if command.kind != .oneExternal, !isFileList, !previousAnswers, choiceLists[list] == nil {
            if choiceLists.isEmpty {
                log.error(at: typeColumn, "'\(list)' must be a list on the choices sheet, but the workbook has no choices." + SheetNameSpelling.hint(for: "choices", in: sheetNames) + " Add a choices sheet with the columns list_name, name and label.")
            } else {
                log.error(at: typeColumn, "the list '\(list)' is not on the choices sheet. Check the spelling, or add its choices there.")
            }
        }
        if command.kind == .multiple, !isFileList, let choices = choiceLists[list] {
            for choice in choices.choices where choice.name.contains(" ") {
                log.error(sheet: "choices", row: choice.row, column: "name", "select_multiple stores the chosen names separated by spaces, so the choice '\(choice.name)' of the list '\(list)' (used by the select_multiple on survey row \(typeColumn.row)) must not contain a space.")
            }
        }
        if previousAnswers, let reference = VariableReference.whole(list) ?? (try? VariableReference.scan(list))?.first {
            previousAnswerSelects.append((reference.name, typeColumn))
        }
        if orOther {
            usesOrOther = true
            if element.choiceFilter != nil {
                log.error(at: here.column(table.header(["choice_filter"], fallback: "choice_filter")),
                          "or_other cannot be combined with a choice_filter.")
            }
            if choiceLists[list]?.choices.isEmpty != false {
                log.error(at: typeColumn, "or_other needs the list '\(list)' on the choices sheet, with its choices.")
            }
            if command.kind == .rank {
                log.warning(at: typeColumn, "or_other has no effect on rank questions, so it is ignored.")
            }
        }
        checkSelectParameters(element.parameters, fromFile: command.fromFile, at: parametersColumn, log: &log)

        switch tableList {
        case .none: break
        case .started:
            tableList = .list(list)
            if element.choiceFilter != nil {
                log.error(at: here.column(table.header(["choice_filter"], fallback: "choice_filter")),
                          "selects in a table-list group cannot have a choice_filter.")
            }
        case .list(let first):
            if first != list {
                log.error(at: typeColumn, "all selects in a table-list group must use the same list; this one uses '\(list)', the first one '\(first)'.")
            }
        }

        switch command.kind {
        case .one: return isFileList ? .selectOneFromFile(file: list) : .selectOne(list: list, orOther: orOther)
        case .multiple: return isFileList ? .selectMultipleFromFile(file: list) : .selectMultiple(list: list, orOther: orOther)
        case .oneExternal: return .selectOneExternal(list: list)
        case .rank: return .rank(list: list)
        }
    }

    private func checkSelectParameters(_ parameters: [FormAttribute], fromFile: Bool, at location: ProblemLocation,
                                       log: inout FormProblemLog) {
        let typeName = fromFile ? "select from file" : "select"
        ParameterRules.checkNames(parameters, typeName: typeName, displayType: fromFile ? "select from file" : "select",
                                  at: location, log: &log)
        if fromFile {
            for name in ["value", "label"] {
                if let value = parameters[named: name], !XMLName.isValid(value) {
                    log.error(at: location, "the parameter '\(name)' names a column of the file, so '\(value)' must be a valid name: \(XMLName.ruleDescription).")
                }
            }
        }
        if let randomize = parameters[named: "randomize"] {
            if randomize != "true", randomize != "false" {
                log.error(at: location, "the parameter 'randomize' must be true or false, not '\(randomize)'.")
            }
            if let seed = parameters[named: "seed"], VariableReference.whole(seed) == nil, Double(seed) == nil {
                log.error(at: location, "the parameter 'seed' must be a number or a reference to a question (${name}), not '\(seed)'.")
            }
        } else if parameters[named: "seed"] != nil {
            log.error(at: location, "the parameter 'seed' only works together with randomize=true.")
        }
    }

    /// Checks specific to one plain type: parameters, and background-geopoint's trigger.
    private mutating func checkPlainType(_ typeName: String, element: FormElement, triggerNames: [String],
                                        here: ProblemLocation, log: inout FormProblemLog) {
        let parametersColumn = here.column(table.header(["parameters"], fallback: "parameters"))
        let display = element.typeText
        if typeName == "range" {
            if ParameterRules.checkNames(element.parameters, typeName: "range", displayType: "range",
                                         at: parametersColumn, log: &log) {
                RangeParameters.check(element.parameters, appearance: element.appearance, choiceLists: choiceLists,
                                      at: parametersColumn, log: &log)
            }
        } else {
            ParameterRules.check(element.parameters, typeName: typeName, displayType: display,
                                 appearance: element.appearance, at: parametersColumn, log: &log)
        }
        if ["geopoint", "geoshape", "geotrace"].contains(typeName),
           let geometry = element.parameters[named: "reference-geometry"] {
            geometryReferences.append((geometry, parametersColumn))
        }
        if typeName == "background-geopoint" {
            if element.trigger == nil {
                log.error(at: here.column(table.header(["trigger"], fallback: "trigger")),
                          "a background-geopoint question needs a trigger: the question whose answer starts the location capture.")
            }
            if element.calculation != nil {
                log.error(at: here.column(table.header(["bind", "calculate"], fallback: "calculation")),
                          "a background-geopoint question takes its value from the phone's location, so its calculation must be empty.")
            }
        }
    }

    /// The file extension as Python's `os.path.splitext` gives it (".csv"), or "".
    static func fileExtension(_ name: String) -> String {
        let base = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        let trimmed = base.drop { $0 == "." }
        guard let dot = trimmed.lastIndex(of: ".") else { return "" }
        return String(trimmed[dot...])
    }

    /// `name` without its file extension.
    static func fileStem(_ name: String) -> String {
        let fileExtension = fileExtension(name)
        return fileExtension.isEmpty ? name : String(name.dropLast(fileExtension.count))
    }

    /// How many extensions `name` has (`a.b.csv` has two), as Python's `Path.suffixes` counts.
    static func suffixCount(_ name: String) -> Int {
        let base = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        if base.hasSuffix(".") { return 0 }
        let trimmed = base.drop { $0 == "." }
        return trimmed.split(separator: ".", omittingEmptySubsequences: false).count - 1
    }
}
