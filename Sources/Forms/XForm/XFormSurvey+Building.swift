import Foundation

/// Building the survey tree from a ``FormDefinition``, applying the XLSForm rules pyxform applies
/// while reading the sheet: settings, parameters per question type, dynamic defaults, triggers,
/// `or_other`, computed repeat counts, table-list groups, and the `meta` block.
extension XFormSurvey {
    init(form: FormDefinition, fallbackFormID: String, fileName: String) throws(FormDefinitionError) {
        let settings = form.settings
        let defaultLanguage = Self.nonEmpty(settings.defaultLanguage) ?? "default"
        let formID = Self.nonEmpty(settings.formID) ?? fallbackFormID
        var root = Node(kind: .survey, name: Self.nonEmpty(settings.rootName) ?? "data")
        root.row = settings.row
        self.init(
            nodes: [root],
            itemsets: form.choiceLists.map { XFormItemset($0, defaultLanguage: defaultLanguage) },
            title: Self.nonEmpty(settings.formTitle) ?? formID,
            formID: formID,
            version: Self.nonEmpty(settings.version),
            defaultLanguage: defaultLanguage,
            fileName: fileName)
        applySettings(settings)

        var tableList: TableListState?
        var meta: [Node] = []
        for element in form.elements {
            try add(element, to: Self.root, inRepeat: false, tableList: &tableList, meta: &meta)
        }
        try addMeta(meta, settings: settings)
        indexNames()
    }

    /// Where a `table-list` group is: just opened, or showing the choices of this list.
    enum TableListState: Sendable, Equatable {
        case opened
        case list(String)
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return value
    }

    /// pyxform's yes/no reading of settings and `bind` values.
    static func isYes(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["yes", "Yes", "YES", "true", "True", "TRUE", "true()"].contains(value)
    }

    private func otherSetting(_ settings: FormSettings, _ name: String) -> String? {
        Self.nonEmpty(settings.other.first { $0.name.lowercased() == name }?.value)
    }

    private mutating func applySettings(_ settings: FormSettings) {
        style = otherSetting(settings, "style")
        if let declared = otherSetting(settings, "namespaces") {
            let reserved: Set<String> = ["h", "ev", "xsd", "jr", "orx", "odk"]
            for declaration in declared.split(whereSeparator: \.isWhitespace) {
                let parts = declaration.split(separator: "=", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !reserved.contains(String(parts[0])) else { continue }
                let uri = parts[1].replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "'", with: "")
                if let index = namespaces.firstIndex(where: { $0.0 == String(parts[0]) }) {
                    namespaces[index].1 = uri
                } else {
                    namespaces.append((String(parts[0]), uri))
                }
            }
        }

        let autoSend = otherSetting(settings, "auto_send")
        let autoDelete = otherSetting(settings, "auto_delete")
        let clientEditable = Self.isYes(otherSetting(settings, "client_editable"))
        if let url = Self.nonEmpty(settings.submissionURL) {
            submissionAttributes += [("action", url), ("method", "post")]
        }
        if let key = Self.nonEmpty(settings.publicKey) { submissionAttributes.append(("base64RsaPublicKey", key)) }
        if let autoSend { submissionAttributes.append(("orx:auto-send", autoSend)) }
        if let autoDelete { submissionAttributes.append(("orx:auto-delete", autoDelete)) }
        if clientEditable { submissionAttributes.append(("odk:client-editable", "true")) }

        for setting in settings.other where setting.name.lowercased().hasPrefix("attribute::") && !setting.value.isEmpty {
            rootAttributes.append((String(setting.name.dropFirst("attribute::".count)), setting.value))
        }
        rootAttributes.append(("id", formID))
        if let xmlns = otherSetting(settings, "instance_xmlns") { rootAttributes.append(("xmlns", xmlns)) }
        if let version { rootAttributes.append(("version", version)) }
        if let prefix = otherSetting(settings, "prefix") { rootAttributes.append(("odk:prefix", prefix)) }
        if let delimiter = otherSetting(settings, "delimiter") { rootAttributes.append(("odk:delimiter", delimiter)) }
    }

    private mutating func append(_ node: Node, to parent: Int) -> Int {
        var node = node
        node.parent = parent
        nodes.append(node)
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }

    // MARK: - Survey rows

    private mutating func add(_ element: FormElement, to parent: Int, inRepeat: Bool,
                              tableList: inout TableListState?, meta: inout [Node]) throws(FormDefinitionError) {
        if let disabled = element.otherColumns.first(where: { $0.name.lowercased() == "disabled" }),
           Self.isYes(disabled.value) {
            return
        }
        switch element.type {
        case .group, .repeat:
            try addSection(element, to: parent, inRepeat: inRepeat, tableList: &tableList, meta: &meta)
        case .xmlExternal, .csvExternal:
            var node = Node(kind: .externalInstance, name: element.name)
            node.elementType = element.type
            node.row = element.row
            _ = append(node, to: parent)
        case .metadata(.audit):
            var node = try questionNode(element, inRepeat: inRepeat)
            node.name = "audit"
            meta.append(node)
        default:
            try addQuestion(element, to: parent, inRepeat: inRepeat, tableList: &tableList)
        }
    }

    private mutating func addSection(_ element: FormElement, to parent: Int, inRepeat: Bool,
                                     tableList: inout TableListState?, meta: inout [Node]) throws(FormDefinitionError) {
        let isRepeat = element.type == .repeat
        var node = Node(kind: isRepeat ? .repeat : .group, name: element.name)
        node.elementType = element.type
        node.typeName = element.typeText.trimmingCharacters(in: .whitespaces)
        node.row = element.row
        fillTexts(&node, from: element)
        node.bind = rowBinds(element, defaultLanguage: defaultLanguage)
        node.instanceAttributes = instanceAttributes(of: element)

        if let appearance = Self.nonEmpty(element.appearance) {
            node.setControl("appearance", appearance)
        }
        if isRepeat, let count = Self.nonEmpty(element.repeatCount) {
            if XFormReference.isReference(count) {
                node.setControl("jr:count", count)
            } else {
                var counter = Node(kind: .question, name: "\(element.name)_count")
                counter.elementType = .calculate
                counter.typeName = "calculate"
                counter.questionType = XFormQuestionType.of(.calculate, typeText: "calculate")
                counter.bind = [("type", .expression("string")), ("readonly", .expression("true()")),
                                ("calculate", .expression(count))]
                counter.row = element.row
                _ = append(counter, to: parent)
                node.setControl("jr:count", "${\(element.name)_count}")
            }
        }
        for attribute in element.bodyAttributes { node.setControl(attribute.name, attribute.value) }
        if let intent = element.otherColumns.first(where: { $0.name.lowercased() == "intent" }), !intent.value.isEmpty {
            node.setControl("intent", intent.value)
        }

        var generatedLabel: Node?
        if let appearance = Self.nonEmpty(element.appearance),
           appearance.split(separator: " ").contains("table-list") {
            tableList = .opened
            let others = appearance.split(separator: " ").filter { $0 != "table-list" }
            node.setControl("appearance", (["field-list"] + others.map(String.init)).joined(separator: " "))
            if node.label != nil || node.hint != nil {
                var note = Node(kind: .question, name: "generated_table_list_label_\(element.row)")
                note.elementType = .note
                note.typeName = "note"
                note.questionType = XFormQuestionType.of(.note, typeText: "note")
                note.bind = note.questionType.bind?.map { ($0.0, BindValue.expression($0.1)) }
                note.label = node.label
                note.hint = node.hint
                note.row = element.row
                node.label = nil
                node.hint = nil
                generatedLabel = note
            }
        }
        if node.label == nil, node.controlValue("appearance") == "label" { node.label = .plain(" ") }

        let index = append(node, to: parent)
        if let generatedLabel { _ = append(generatedLabel, to: index) }
        for child in element.children {
            try add(child, to: index, inRepeat: inRepeat || isRepeat, tableList: &tableList, meta: &meta)
        }
        tableList = nil
    }

    private mutating func addQuestion(_ element: FormElement, to parent: Int, inRepeat: Bool,
                                      tableList: inout TableListState?) throws(FormDefinitionError) {
        var node = try questionNode(element, inRepeat: inRepeat)
        var otherQuestion: Node?
        switch element.type {
        case .selectOne(let list, let orOther), .selectMultiple(let list, let orOther):
            node.itemset = list
            if orOther {
                if node.choiceFilter != nil {
                    throw problem(at: .survey(node, "choice_filter"),
                                  "A choice filter cannot be used with or_other. Remove the filter, or remove or_other and add an 'other' choice to the list.")
                }
                if let index = itemsets.firstIndex(where: { $0.name == list }) { itemsets[index].addOtherChoice() }
                var other = Node(kind: .question, name: "\(node.name)_other")
                other.elementType = .text
                other.typeName = "text"
                other.questionType = XFormQuestionType.of(.text, typeText: "text")
                other.label = .plain("Specify other.")
                other.bind = [("type", .expression("string")), ("relevant", .expression("selected(../\(node.name), 'other')"))]
                other.row = element.row
                otherQuestion = other
            }
        case .rank(let list):
            node.itemset = list
        case .selectOneFromFile(let file), .selectMultipleFromFile(let file):
            node.itemset = file
        case .selectOneExternal(let list):
            if node.choiceFilter != nil { node.query = list }
        default:
            break
        }

        if node.isSelect, let state = tableList, let list = node.itemset {
            if state == .opened {
                if node.choiceFilter != nil {
                    throw problem(at: .survey(node, "choice_filter"),
                                  "A choice filter cannot be used inside a table-list group.")
                }
                tableList = .list(list)
                var header = Node(kind: .question, name: "reserved_name_for_field_list_labels_\(element.row)")
                header.elementType = node.elementType
                header.typeName = node.typeName
                header.questionType = node.questionType
                header.bind = node.questionType.bind?.map { ($0.0, BindValue.expression($0.1)) }
                header.control = [("appearance", "label")]
                header.label = .plain(" ")
                header.itemset = list
                header.row = element.row
                _ = append(header, to: parent)
            }
            if case .list(let tableListName)? = tableList, tableListName != list {
                throw problem(at: .survey(node, "type"),
                              "Every select in a table-list group must use the same choice list: '\(tableListName)' and '\(list)' differ.")
            }
            node.setControl("appearance", "list-nolabel")
        }

        _ = append(node, to: parent)
        if let otherQuestion { _ = append(otherQuestion, to: parent) }
    }

    /// A question node with everything its row says, before placement in the tree.
    private mutating func questionNode(_ element: FormElement, inRepeat: Bool) throws(FormDefinitionError) -> Node {
        var name = element.name
        if name.isEmpty, element.type == .note { name = "generated_note_name_\(element.row)" }
        var node = Node(kind: .question, name: name)
        node.elementType = element.type
        node.typeName = element.typeText.trimmingCharacters(in: .whitespaces)
        node.row = element.row
        node.questionType = XFormQuestionType.of(element.type, typeText: element.typeText)
        fillTexts(&node, from: element)
        if node.hint == nil, let hint = node.questionType.hint { node.hint = .plain(hint) }

        var bind = node.questionType.bind?.map { ($0.0, BindValue.expression($0.1)) }
        if let rows = rowBinds(element, defaultLanguage: defaultLanguage) {
            var merged = bind ?? []
            for (key, value) in rows {
                if let index = merged.firstIndex(where: { $0.0 == key }) { merged[index].1 = value } else { merged.append((key, value)) }
            }
            bind = merged
        }
        node.bind = bind

        if let mediatype = node.questionType.mediatype { node.control.append(("mediatype", mediatype)) }
        if let appearance = Self.nonEmpty(element.appearance) { node.setControl("appearance", appearance) }
        for column in element.otherColumns where !column.value.isEmpty {
            switch column.name.lowercased() {
            case "autoplay": node.setControl("autoplay", column.value)
            case "rows": node.setControl("rows", column.value)
            default: break
            }
        }
        for attribute in element.bodyAttributes { node.setControl(attribute.name, attribute.value) }
        node.instanceAttributes = instanceAttributes(of: element)
        node.choiceFilter = Self.nonEmpty(element.choiceFilter)
        node.parameters = element.parameters.map { parameter in
            let key = parameter.name.trimmingCharacters(in: .whitespaces).lowercased()
            let value = parameter.value.trimmingCharacters(in: .whitespaces)
            return (key, key == "label" || key == "value" ? value : value.lowercased())
        }

        if let value = Self.nonEmpty(element.defaultValue) {
            node.defaultValue = value
            if XFormExpressionLexer.isDynamicDefault(value, typeName: node.typeName) {
                node.dynamicDefault = true
                node.actions.append(Action(name: "setvalue", event: "odk-instance-first-load"))
                if inRepeat { node.actions.append(Action(name: "setvalue", event: "odk-new-repeat")) }
            }
        }

        if let trigger = Self.nonEmpty(element.trigger) {
            node.triggers = XFormReference.names(in: trigger)
            let calculation: String
            if case .expression(let expression)? = node.bindValue("calculate") { calculation = expression } else { calculation = "" }
            for name in node.triggers {
                if element.type == .metadata(.backgroundGeopoint) {
                    setgeopointsByTrigger[name, default: []].append((node.name, calculation))
                } else {
                    setvaluesByTrigger[name, default: []].append((node.name, calculation))
                }
            }
        }

        applyParameters(to: &node, element: element)
        if node.label == nil, node.controlValue("appearance") == "label" { node.label = .plain(" ") }
        return node
    }

    /// What each question type makes of its `parameters` (and a few other type-specific rules).
    private func applyParameters(to node: inout Node, element: FormElement) {
        switch element.type {
        case .text:
            if let rows = node.parameter("rows") { node.setControl("rows", rows) }
        case .image:
            if let value = node.defaultValue, !value.contains("jr://images/") { node.defaultValue = "jr://images/" + value }
            if let pixels = node.parameter("max-pixels") { node.setBind("orx:max-pixels", .expression(pixels)) }
            let appearance = node.controlValue("appearance")
            if let app = node.parameter("app"), appearance == nil || appearance == "annotate" {
                node.setControl("intent", app)
            }
        case .audio:
            if let quality = node.parameter("quality") { node.setBind("odk:quality", .expression(quality)) }
        case .metadata(.backgroundAudio):
            var action = Action(name: "odk:recordaudio", event: "odk-instance-load")
            if let quality = node.parameter("quality") { action.attributes.append(FormAttribute(name: "odk:quality", value: quality)) }
            node.actions.append(action)
        case .metadata(.startGeopoint):
            node.actions.append(Action(name: "odk:setgeopoint", event: "odk-instance-first-load"))
        case .metadata(.audit):
            for key in ["track-changes", "track-changes-reasons", "identify-user"] {
                if let value = node.parameter(key) { node.setBind("odk:\(key)", .expression(value)) }
            }
            if let maxAge = node.parameter("location-max-age"), let minInterval = node.parameter("location-min-interval"),
               let priority = node.parameter("location-priority") {
                node.setBind("odk:location-max-age", .expression(maxAge))
                node.setBind("odk:location-min-interval", .expression(minInterval))
                node.setBind("odk:location-priority", .expression(priority))
            }
        case .geopoint, .geotrace, .geoshape:
            if element.type == .geopoint {
                if let accuracy = node.parameter("capture-accuracy") { node.setControl("accuracyThreshold", accuracy) }
                if let warning = node.parameter("warning-accuracy") { node.setControl("unacceptableAccuracyThreshold", warning) }
            } else if node.parameter("incremental") != nil {
                node.setControl("incremental", "true")
            }
            if let mock = node.parameter("allow-mock-accuracy") { node.setBind("odk:allow-mock-accuracy", .expression(mock)) }
            if let reference = node.parameter("reference-geometry") { node.itemset = reference }
        case .range:
            applyRangeParameters(to: &node)
        default:
            break
        }
    }

    /// Range parameters become body attributes; decimals anywhere make the bind type decimal.
    private func applyRangeParameters(to node: inout Node) {
        var parameters = node.parameters
        for (key, value) in [("start", "1"), ("end", "10"), ("step", "1")] where !parameters.contains(where: { $0.0 == key }) {
            parameters.append((key, value))
        }
        var isDecimal = false
        for key in ["start", "end", "step", "tick_interval", "placeholder"] {
            if let value = parameters.first(where: { $0.0 == key })?.1, var number = Decimal(string: value) {
                var whole = Decimal()
                NSDecimalRound(&whole, &number, 0, .plain)
                if whole != number { isDecimal = true }
            }
        }
        if let index = parameters.firstIndex(where: { $0.0 == "tick_interval" }) {
            let value = parameters.remove(at: index).1
            parameters.append(("odk:tick-interval", value))
        }
        if let index = parameters.firstIndex(where: { $0.0 == "placeholder" }) {
            let value = parameters.remove(at: index).1
            parameters.append(("odk:placeholder", value))
        }
        if let index = parameters.firstIndex(where: { $0.0 == "tick_labelset" }) {
            node.itemset = parameters.remove(at: index).1
        }
        if isDecimal { node.setBind("type", .expression("decimal")) }
        for (key, value) in parameters { node.setControl(key, value) }
        node.parameters = parameters
    }

    private func fillTexts(_ node: inout Node, from element: FormElement) {
        node.label = XFormText.fromSingleColumn(element.label, defaultLanguage: defaultLanguage)
        node.hint = XFormText.fromSingleColumn(element.hint, defaultLanguage: defaultLanguage)
        node.guidanceHint = XFormText.fromSingleColumn(element.guidanceHint, defaultLanguage: defaultLanguage)
        node.media = XFormMedia.list(element.media, defaultLanguage: defaultLanguage)
    }

    /// The bind attributes the row's columns give, in a stable column order, then `bind::` columns.
    private func rowBinds(_ element: FormElement, defaultLanguage: String) -> [(String, BindValue)]? {
        var binds: [(String, BindValue)] = []
        func add(_ key: String, _ value: BindValue) {
            if let index = binds.firstIndex(where: { $0.0 == key }) { binds[index].1 = value } else { binds.append((key, value)) }
        }
        if let value = Self.nonEmpty(element.required) { add("required", .expression(value)) }
        if let message = XFormText.fromGroupedColumn(element.requiredMessage, defaultLanguage: defaultLanguage) {
            add("jr:requiredMsg", .message(message))
        }
        if let value = Self.nonEmpty(element.relevant) { add("relevant", .expression(value)) }
        if let value = Self.nonEmpty(element.constraint) { add("constraint", .expression(value)) }
        if let message = XFormText.fromGroupedColumn(element.constraintMessage, defaultLanguage: defaultLanguage) {
            add("jr:constraintMsg", .message(message))
        }
        if let value = Self.nonEmpty(element.readOnly) { add("readonly", .expression(value)) }
        if let value = Self.nonEmpty(element.calculation) { add("calculate", .expression(value)) }
        for attribute in element.bindAttributes where !attribute.value.isEmpty {
            add(attribute.name, .expression(attribute.value))
        }
        return binds.isEmpty ? nil : binds
    }

    private func instanceAttributes(of element: FormElement) -> [(String, String)] {
        var attributes = element.instanceAttributes.filter { !$0.value.isEmpty }.map { ($0.name, $0.value) }
        if let tag = element.otherColumns.first(where: { $0.name.lowercased() == "compact_tag" }), !tag.value.isEmpty {
            attributes.insert(("odk:tag", tag.value), at: 0)
        }
        return attributes
    }

    /// pyxform's `meta` group: audits, then `instanceID` (unless `omit_instanceID`), then
    /// `instanceName` when the settings give an instance name.
    private mutating func addMeta(_ audits: [Node], settings: FormSettings) throws(FormDefinitionError) {
        var children = audits
        let omitInstanceID = Self.isYes(otherSetting(settings, "omit_instanceid"))
        if omitInstanceID, Self.nonEmpty(settings.publicKey) != nil {
            throw problem(at: TextSite(sheet: "settings", row: settings.row, column: "omit_instanceID"),
                          "An encrypted form (public_key) needs an instanceID: remove omit_instanceID.")
        }
        if !omitInstanceID {
            var instanceID = Node(kind: .question, name: "instanceID")
            instanceID.elementType = .calculate
            instanceID.typeName = "calculate"
            instanceID.questionType = XFormQuestionType.of(.calculate, typeText: "calculate")
            instanceID.bind = [("type", .expression("string")), ("readonly", .expression("true()")),
                               ("jr:preload", .expression(otherSetting(settings, "instance_id") ?? "uid"))]
            children.append(instanceID)
        }
        if let instanceName = Self.nonEmpty(settings.instanceName) {
            var node = Node(kind: .question, name: "instanceName")
            node.elementType = .calculate
            node.typeName = "calculate"
            node.questionType = XFormQuestionType.of(.calculate, typeText: "calculate")
            node.bind = [("type", .expression("string")), ("calculate", .expression(instanceName))]
            node.row = settings.row
            children.append(node)
        }
        guard !children.isEmpty else { return }
        var meta = Node(kind: .group, name: "meta")
        meta.bodyless = true
        let index = append(meta, to: Self.root)
        for child in children { _ = append(child, to: index) }
    }
}
