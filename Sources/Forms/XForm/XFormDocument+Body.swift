/// The `h:body` controls: groups, repeats (wrapped in a labelled group), inputs, selects with
/// itemsets, uploads, ranges, triggers, and the `xforms-value-changed` actions of `trigger` columns.
extension XFormDocument {
    func controls(ofChildrenOf index: Int) throws(FormDefinitionError) -> [MarkupElement] {
        var result: [MarkupElement] = []
        for child in survey.nodes[index].children {
            if let control = try control(of: child) { result.append(control) }
        }
        return result
    }

    private func control(of index: Int) throws(FormDefinitionError) -> MarkupElement? {
        switch survey.nodes[index].kind {
        case .survey: return nil
        case .externalInstance: return nil
        case .group: return try groupControl(of: index)
        case .repeat: return try repeatControl(of: index)
        case .question: return try questionControl(of: index)
        }
    }

    private func site(_ index: Int, _ column: String) -> XFormSurvey.TextSite {
        .survey(survey.nodes[index], column)
    }

    /// Body attributes with `${name}` resolved, in their order.
    private func controlAttributes(of index: Int, keepAppearance: Bool) throws(FormDefinitionError) -> [(String, String)] {
        var attributes: [(String, String)] = []
        for (key, value) in survey.nodes[index].control {
            if keepAppearance, key == "appearance" {
                attributes.append((key, value))
            } else {
                let column = key == "appearance" ? "appearance" : key == "jr:count" ? "repeat_count" : "body::\(key)"
                attributes.append((key, try survey.insertingPaths(value, context: index, at: site(index, column))))
            }
        }
        return attributes
    }

    private func groupControl(of index: Int) throws(FormDefinitionError) -> MarkupElement? {
        let node = survey.nodes[index]
        guard !node.bodyless else { return nil }
        var attributes = try controlAttributes(of: index, keepAppearance: true)
        attributes.append(("ref", survey.xpath(of: index)))
        var group = MarkupElement("group", attributes: attributes)
        if node.label != nil { group.append(try label(of: index)) }
        group.append(contentsOf: try controls(ofChildrenOf: index))
        return group
    }

    private func repeatControl(of index: Int) throws(FormDefinitionError) -> MarkupElement {
        let xpath = survey.xpath(of: index)
        var repeatElement = MarkupElement("repeat", attributes: [("nodeset", xpath)] + (try controlAttributes(of: index, keepAppearance: false)))
        repeatElement.append(contentsOf: try controls(ofChildrenOf: index))
        for descendant in survey.descendants(of: index).dropFirst()
        where survey.nodes[descendant].kind == .question && survey.enclosingRepeat(of: descendant) == index {
            for action in survey.nodes[descendant].actions where action.event == "odk-new-repeat" {
                repeatElement.append(try actionElement(action, of: descendant))
            }
        }
        return MarkupElement("group", attributes: [("ref", xpath)],
                             children: [.element(try label(of: index)), .element(repeatElement)])
    }

    // MARK: - Labels and hints

    func label(of index: Int) throws(FormDefinitionError) -> MarkupElement {
        let node = survey.nodes[index]
        if needsItextLabel(node) {
            return MarkupElement("label", attributes: [("ref", "jr:itext('\(survey.xpath(of: index)):label')")])
        }
        if case .plain(let text)? = node.label, !text.isEmpty {
            return MarkupElement("label", children: try survey.outputContent(text, context: index, at: site(index, "label")).content)
        }
        return MarkupElement("label")
    }

    private func hint(of index: Int) throws(FormDefinitionError) -> MarkupElement {
        let node = survey.nodes[index]
        if node.hint?.isTranslated ?? false || node.guidanceHint != nil {
            return MarkupElement("hint", attributes: [("ref", "jr:itext('\(survey.xpath(of: index)):hint')")])
        }
        if case .plain(let text)? = node.hint, !text.isEmpty {
            return MarkupElement("hint", children: try survey.outputContent(text, context: index, at: site(index, "hint")).content)
        }
        return MarkupElement("hint")
    }

    private func labelAndHint(of index: Int) throws(FormDefinitionError) -> [MarkupElement] {
        let node = survey.nodes[index]
        var result: [MarkupElement] = []
        if node.label != nil || !node.media.isEmpty { result.append(try label(of: index)) }
        if node.hint != nil || node.guidanceHint != nil {
            if result.isEmpty { result.append(try label(of: index)) }
            result.append(try hint(of: index))
        }
        if result.isEmpty || (node.label == nil && node.media.isEmpty && node.hint == nil) {
            throw survey.problem(at: site(index, "label"), "'\(node.name)' has no label or hint; every question shown to the user needs one.")
        }
        if node.media.contains(where: { $0.form == "big-image" }), !node.media.contains(where: { $0.form == "image" }) {
            throw survey.problem(at: site(index, "big-image"), "'\(node.name)' has a big-image but no image; add an image too.")
        }
        return result
    }

    // MARK: - Questions

    private func questionControl(of index: Int) throws(FormDefinitionError) -> MarkupElement? {
        let node = survey.nodes[index]
        if node.elementType == .calculate || ((node.hasCalculation || !node.triggers.isEmpty) && node.label == nil && node.hint == nil) {
            if let targets = survey.setvaluesByTrigger[node.name], let first = targets.first {
                throw survey.problem(at: site(index, "name"),
                                     "${\(node.name)} is not shown to the user, so it cannot trigger the calculation of ${\(first.0)}.")
            }
            return nil
        }
        guard let tag = node.questionType.tag, tag != "action" else { return nil }

        var attributes = [("ref", survey.xpath(of: index))]
        attributes += try controlAttributes(of: index, keepAppearance: false)
        var element = MarkupElement(tag, attributes: attributes)
        element.append(contentsOf: try labelAndHint(of: index))

        switch tag {
        case "select1", "select", "odk:rank":
            if searchSelects.contains(index) {
                element.append(contentsOf: try inlineItems(of: index))
            } else if let itemset = try itemset(of: index) {
                element.append(itemset)
            }
        case "range":
            if let list = node.itemset {
                let requiresItext = survey.itemset(named: list)?.requiresItext ?? false
                element.append(itemsetElement(nodeset: "instance('\(list)')/root/item", value: "name",
                                              label: requiresItext ? "jr:itext(itextId)" : "label"))
            }
        case "input":
            switch node.elementType {
            case .geopoint?, .geotrace?, .geoshape?:
                if node.itemset != nil, let itemset = try itemset(of: index) { element.append(itemset) }
            default: break
            }
            if let query = node.query {
                var nodeset = "instance('\(query)')/root/item"
                if let filter = node.choiceFilter {
                    nodeset += "[\(try survey.insertingPaths(filter, context: index, at: site(index, "choice_filter"), useCurrent: true))]"
                }
                element.setAttribute("query", nodeset)
            }
        default:
            break
        }

        for (target, value) in survey.setvaluesByTrigger[node.name] ?? [] {
            let targetIndex = try survey.target(of: target, at: site(index, "trigger"))
            var action = MarkupElement("setvalue", attributes: [("ref", survey.xpath(of: targetIndex)), ("event", "xforms-value-changed")])
            let resolved = try survey.insertingPaths(value, context: index, at: site(targetIndex, "calculation"))
            if !resolved.isEmpty { action.setAttribute("value", resolved) }
            element.append(action)
        }
        for (target, _) in survey.setgeopointsByTrigger[node.name] ?? [] {
            let targetIndex = try survey.target(of: target, at: site(index, "trigger"))
            element.append(MarkupElement("odk:setgeopoint", attributes: [
                ("ref", survey.xpath(of: targetIndex)), ("event", "xforms-value-changed"),
            ]))
        }
        return element
    }

    private func itemsetElement(nodeset: String, value: String, label: String) -> MarkupElement {
        MarkupElement("itemset", attributes: [("nodeset", nodeset)], children: [
            .element(MarkupElement("value", attributes: [("ref", value)])),
            .element(MarkupElement("label", attributes: [("ref", label)])),
        ])
    }

    /// The `<itemset>` of a select (or geo question with a reference geometry): from a file, from
    /// a repeat (`${name}` as list), or from the choice list's instance; then the choice filter
    /// and `randomize`.
    private func itemset(of index: Int) throws(FormDefinitionError) -> MarkupElement? {
        let node = survey.nodes[index]
        guard let list = node.itemset, !list.isEmpty else { return nil }
        var nodeset: String
        var valueRef = "name"
        var labelRef = "label"
        var filter: String?
        let listIsReference = XFormReference.containsReference(list)
        let isGeo = node.questionType.tag == "input"

        if let fileExtension = Self.fileExtension(of: list) {
            if fileExtension == ".geojson" {
                valueRef = "id"
                labelRef = "title"
            }
            valueRef = node.parameter("value") ?? valueRef
            labelRef = node.parameter("label") ?? labelRef
            nodeset = "instance('\(list.dropLast(fileExtension.count))')/root/item"
        } else if listIsReference {
            let path = try survey.insertingPaths(list, context: index, at: site(index, isGeo ? "parameters" : "type"),
                                                 referenceParent: true)
                .trimmingCharacters(in: .whitespaces)
            if isGeo {
                valueRef = "geometry"
                labelRef = "geometry"
                nodeset = path
                filter = "./geometry != ''"
            } else {
                var steps = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                let last = steps.removeLast()
                valueRef = last
                labelRef = last
                nodeset = steps.joined(separator: "/")
                filter = "./\(last) != ''"
            }
        } else {
            if survey.itemset(named: list)?.requiresItext ?? false { labelRef = "jr:itext(itextId)" }
            nodeset = "instance('\(list)')/root/item"
        }

        if let choiceFilter = node.choiceFilter {
            var resolved = try survey.insertingPaths(choiceFilter, context: index, at: site(index, "choice_filter"),
                                                     useCurrent: true, referenceParent: listIsReference)
            if listIsReference {
                resolved = resolved.replacingOccurrences(of: "current()/\(nodeset)", with: ".")
                    .replacingOccurrences(of: nodeset, with: ".")
            }
            filter = resolved
        }
        if let filter { nodeset += "[\(filter)]" }

        if node.parameter("randomize") == "true" {
            if let seed = node.parameter("seed") {
                let resolved = try survey.insertingPaths(seed, context: index, at: site(index, "parameters"))
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                nodeset = "randomize(\(nodeset), \(resolved))"
            } else {
                nodeset = "randomize(\(nodeset))"
            }
        }
        return itemsetElement(nodeset: nodeset, value: valueRef, label: labelRef)
    }

    /// Choices written as `<item>`s in the control, for selects using `search()`.
    private func inlineItems(of index: Int) throws(FormDefinitionError) -> [MarkupElement] {
        let node = survey.nodes[index]
        guard let list = node.itemset, let itemset = survey.itemset(named: list) else { return [] }
        let requiresItext = itemset.requiresItext
        return try itemset.options.enumerated().map { (position, option) throws(FormDefinitionError) in
            let label: MarkupElement
            if requiresItext {
                label = MarkupElement("label", attributes: [("ref", "jr:itext('\(list)-\(position)')")])
            } else if node.label != nil, case .plain(let text)? = option.label {
                let site = XFormSurvey.TextSite(sheet: "choices", row: 0, column: "label")
                label = MarkupElement("label", children: try survey.outputContent(text, context: nil, at: site).content)
            } else {
                label = MarkupElement("label")
            }
            return MarkupElement("item", children: [.element(label), .element(MarkupElement("value", text: option.name))])
        }
    }
}
