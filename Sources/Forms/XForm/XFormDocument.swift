/// Writes a built ``XFormSurvey`` as an ODK XForm: `h:head` with the model (submission, itext,
/// primary instance, secondary instances, binds and actions) and `h:body` with the controls, in
/// the order and shape pyxform produces them.
struct XFormDocument {
    let survey: XFormSurvey
    /// Choice lists shown with the `search()` appearance: written inline, without an instance.
    private(set) var searchLists: Set<String> = []
    /// Select questions whose appearance uses `search()`.
    private(set) var searchSelects: Set<Int> = []

    init(survey: XFormSurvey) throws(FormDefinitionError) {
        self.survey = survey
        try findSearchSelects()
    }

    static let namespaces: [(String, String)] = [
        ("xmlns", "http://www.w3.org/2002/xforms"),
        ("xmlns:h", "http://www.w3.org/1999/xhtml"),
        ("xmlns:ev", "http://www.w3.org/2001/xml-events"),
        ("xmlns:xsd", "http://www.w3.org/2001/XMLSchema"),
        ("xmlns:jr", "http://openrosa.org/javarosa"),
        ("xmlns:orx", "http://openrosa.org/xforms"),
        ("xmlns:odk", "http://www.opendatakit.org/xforms"),
    ]

    func render() throws(FormDefinitionError) -> MarkupElement {
        let head = MarkupElement("h:head", children: [
            .element(MarkupElement("h:title", text: survey.title)),
            .element(try model()),
        ])
        var body = MarkupElement("h:body", attributes: survey.style.map { [("class", $0)] } ?? [])
        body.append(contentsOf: try controls(ofChildrenOf: XFormSurvey.root))
        let namespaces = Self.namespaces + survey.namespaces.map { ("xmlns:\($0.0)", $0.1) }
        return MarkupElement("h:html", attributes: namespaces, children: [.element(head), .element(body)])
    }

    // MARK: - Model

    private func model() throws(FormDefinitionError) -> MarkupElement {
        var model = MarkupElement("model", attributes: [("odk:xforms-version", "1.0.0")])
        if !survey.submissionAttributes.isEmpty {
            model.append(MarkupElement("submission", attributes: survey.submissionAttributes))
        }
        if let itext = try itext() { model.append(itext) }
        model.append(MarkupElement("instance", children: [.element(try primaryInstance())]))
        model.append(contentsOf: try secondaryInstances())
        for index in survey.descendants() {
            model.append(contentsOf: try bindings(of: index))
        }
        return model
    }

    private func site(_ index: Int, _ column: String) -> XFormSurvey.TextSite {
        .survey(survey.nodes[index], column)
    }

    /// The `<bind>` of a node, then its model actions (dynamic defaults, start-geopoint, audio).
    private func bindings(of index: Int) throws(FormDefinitionError) -> [MarkupElement] {
        let node = survey.nodes[index]
        var result: [MarkupElement] = []
        if let bind = node.bind {
            let xpath = survey.xpath(of: index)
            var element = MarkupElement("bind", attributes: [("nodeset", xpath)])
            for (key, value) in bind {
                if !node.triggers.isEmpty, key == "calculate" { continue }
                var text: String
                switch value {
                case .expression(let expression):
                    text = expression
                    if Self.convertibleBindAttributes.contains(key), let converted = Self.bindingConversions[expression] {
                        text = converted
                    }
                case .message(let message):
                    if key == "jr:constraintMsg" || key == "jr:requiredMsg",
                       message.isTranslated || XFormReference.containsReference(message.plainText ?? "") {
                        text = "jr:itext('\(xpath):\(key)')"
                    } else {
                        text = message.plainText ?? ""
                    }
                }
                element.setAttribute(key, try survey.insertingPaths(text, context: index, at: site(index, Self.column(forBind: key))))
            }
            result.append(element)
        }
        if node.kind == .question {
            for action in node.actions where action.event != "odk-new-repeat" {
                result.append(try actionElement(action, of: index))
            }
        }
        return result
    }

    func actionElement(_ action: XFormSurvey.Action, of index: Int) throws(FormDefinitionError) -> MarkupElement {
        let node = survey.nodes[index]
        var element = MarkupElement(action.name, attributes: [("ref", survey.xpath(of: index)), ("event", action.event)])
        if action.name == "setvalue" {
            var value = node.defaultValue
            if node.dynamicDefault, let expression = node.defaultValue {
                value = try survey.insertingPaths(expression, context: index, at: site(index, "default"))
            }
            if let value, !value.isEmpty { element.setAttribute("value", value) }
        }
        for attribute in action.attributes { element.setAttribute(attribute.name, attribute.value) }
        return element
    }

    static let convertibleBindAttributes: Set<String> = ["readonly", "required", "relevant", "constraint", "calculate"]
    static let bindingConversions: [String: String] = [
        "yes": "true()", "Yes": "true()", "YES": "true()", "true": "true()", "True": "true()", "TRUE": "true()",
        "no": "false()", "No": "false()", "NO": "false()", "false": "false()", "False": "false()", "FALSE": "false()",
    ]

    /// The survey column a bind attribute comes from, for messages.
    static func column(forBind key: String) -> String {
        switch key {
        case "readonly": "read_only"
        case "calculate": "calculation"
        case "jr:constraintMsg": "constraint_message"
        case "jr:requiredMsg": "required_message"
        case "required", "relevant", "constraint": key
        default: "bind::\(key)"
        }
    }

    // MARK: - Search appearance

    /// pyxform writes selects whose appearance calls `search()` with inline items instead of an
    /// itemset; a list shown that way cannot also be used by ordinary selects.
    private mutating func findSearchSelects() throws(FormDefinitionError) {
        guard let searchRegex = try? Regex(#"search\(.*?\)"#) else { return }
        var plainLists: [String: [String]] = [:]
        var searchUsers: [(Int, String)] = []
        for index in survey.descendants() {
            let node = survey.nodes[index]
            guard node.kind == .question, node.isSelect, let list = node.itemset else { continue }
            if let appearance = node.controlValue("appearance"), appearance.count > 7, appearance.contains(searchRegex) {
                if Self.fileExtension(of: list) != nil {
                    throw survey.problem(at: site(index, "appearance"),
                                         "'\(node.name)' selects from a file and uses search(); these cannot be combined. Remove search() or change the select type.")
                }
                searchSelects.insert(index)
                searchLists.insert(list)
                searchUsers.append((index, list))
            } else {
                plainLists[list, default: []].append(node.name)
            }
        }
        for (index, list) in searchUsers {
            if let others = plainLists[list], !others.isEmpty {
                throw survey.problem(at: site(index, "type"),
                                     "'\(survey.nodes[index].name)' uses search() with the choice list '\(list)', which \(others.map { "'\($0)'" }.joined(separator: ", ")) also use without search(). Use search() for all of them, or give this question its own list.")
            }
        }
    }

    /// ".csv", ".xml" or ".geojson" when the list name is a file.
    static func fileExtension(of itemset: String) -> String? {
        for fileExtension in [".csv", ".xml", ".geojson"] where itemset.hasSuffix(fileExtension) && itemset.count > fileExtension.count {
            return fileExtension
        }
        return nil
    }
}
