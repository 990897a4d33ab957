import Foundation

/// The primary instance (with pyxform's repeat templates) and the secondary instances: files from
/// `pulldata()`, selects from files, `xml-external`/`csv-external`, the last-saved record, and one
/// instance per choice list.
extension XFormDocument {
    // MARK: - Primary instance

    func primaryInstance() throws(FormDefinitionError) -> MarkupElement {
        var root = try instanceElement(of: XFormSurvey.root, appendTemplate: false)
        for (name, value) in survey.rootAttributes { root.setAttribute(name, value) }
        return root
    }

    /// A node's element in the instance. Each repeat is preceded by a `jr:template` copy, except
    /// inside a repeat that is itself the non-template copy (pyxform writes templates once).
    private func instanceElement(of index: Int, appendTemplate: Bool) throws(FormDefinitionError) -> MarkupElement {
        let node = survey.nodes[index]
        var attributes: [(String, String)] = []
        for (name, value) in node.instanceAttributes {
            attributes.append((name, try survey.insertingPaths(value, context: index, at: .survey(node, "instance::\(name)"))))
        }
        guard node.kind != .question else {
            var element = MarkupElement(node.name, attributes: attributes)
            if let value = node.defaultValue, !XFormExpressionLexer.isDynamicDefault(value, typeName: node.typeName) {
                element.children = [.text(value)]
            }
            return element
        }
        var element = MarkupElement(node.name, attributes: attributes)
        for child in node.children where survey.nodes[child].kind != .externalInstance {
            if survey.nodes[child].kind == .repeat, !appendTemplate {
                element.append(try repeatTemplate(of: child))
                element.append(try instanceElement(of: child, appendTemplate: true))
            } else {
                element.append(try instanceElement(of: child, appendTemplate: appendTemplate))
            }
        }
        return element
    }

    private func repeatTemplate(of index: Int) throws(FormDefinitionError) -> MarkupElement {
        var element = MarkupElement(survey.nodes[index].name, attributes: [("jr:template", "")])
        for child in survey.nodes[index].children where survey.nodes[child].kind != .externalInstance {
            if survey.nodes[child].kind == .repeat {
                element.append(try repeatTemplate(of: child))
            } else {
                element.append(try instanceElement(of: child, appendTemplate: false))
            }
        }
        return element
    }

    // MARK: - Secondary instances

    private struct SecondaryInstance {
        var name: String
        var source: String?
        var element: MarkupElement
        var isExternal = false
        var index: Int?
    }

    func secondaryInstances() throws(FormDefinitionError) -> [MarkupElement] {
        var instances: [SecondaryInstance] = []
        var usesLastSaved = false
        for index in survey.descendants() {
            let node = survey.nodes[index]
            switch node.kind {
            case .question:
                instances += pulldataInstances(of: index)
                if node.isSelect, let file = node.itemset, let fileExtension = Self.fileExtension(of: file) {
                    let base = String(file.dropLast(fileExtension.count))
                    let scheme = fileExtension == ".csv" ? "file-csv" : "file"
                    instances.append(sourced(base, "jr://\(scheme)/\(file)", index: index))
                }
                if !usesLastSaved { usesLastSaved = refersToLastSaved(node) }
            case .group, .repeat, .survey:
                instances += pulldataInstances(of: index)
            case .externalInstance:
                let isCSV = node.elementType == .csvExternal
                let source = isCSV ? "jr://file-csv/\(node.name).csv" : "jr://file/\(node.name).xml"
                var instance = sourced(node.name, source, index: index)
                instance.isExternal = true
                instances.append(instance)
            }
        }
        if usesLastSaved {
            instances.append(sourced("__last-saved", "jr://instance/last-saved", index: nil))
        }
        for itemset in survey.itemsets where !searchLists.contains(itemset.name) {
            instances.append(SecondaryInstance(name: itemset.name, source: nil, element: choiceInstance(itemset)))
        }

        var seenExternal: Set<String> = []
        for instance in instances where instance.isExternal {
            if !seenExternal.insert(instance.name).inserted, let index = instance.index {
                throw survey.problem(at: .survey(survey.nodes[index], "name"),
                                     "Instance names must be unique within a form: '\(instance.name)' is used by more than one xml-external or csv-external row.")
            }
        }
        var result: [MarkupElement] = []
        var seen: [String: String?] = [:]
        for instance in instances {
            if let prior = seen[instance.name] {
                if prior != instance.source {
                    let site: XFormSurvey.TextSite = instance.index.map { .survey(survey.nodes[$0], "type") }
                        ?? XFormSurvey.TextSite(sheet: "choices", row: 0, column: "list_name")
                    throw survey.problem(at: site,
                                         "Two secondary instances would both be named '\(instance.name)' with different sources (\(prior ?? "the choices sheet") and \(instance.source ?? "the choices sheet")). Rename the file or the choice list.")
                }
                continue
            }
            seen[instance.name] = instance.source
            result.append(instance.element)
        }
        return result
    }

    private func sourced(_ name: String, _ source: String, index: Int?) -> SecondaryInstance {
        SecondaryInstance(name: name, source: source,
                          element: MarkupElement("instance", attributes: [("id", name), ("src", source)]), index: index)
    }

    /// One CSV instance per `pulldata('file', …)` in the node's binds, choice filter and default.
    private func pulldataInstances(of index: Int) -> [SecondaryInstance] {
        let node = survey.nodes[index]
        var expressions: [String] = []
        for (key, value) in node.bind ?? [] where Self.convertibleBindAttributes.contains(key) {
            if case .expression(let expression) = value, expression.contains("pulldata(") {
                expressions.append(expression)
            }
        }
        if let filter = node.choiceFilter, filter.contains("pulldata(") { expressions.append(filter) }
        if let value = node.defaultValue, value.contains("pulldata(") { expressions.append(value) }
        guard !expressions.isEmpty, let regex = try? Regex(#"(pulldata\s*\(\s*)(.*?),"#) else { return [] }
        var result: [SecondaryInstance] = []
        for expression in expressions {
            for match in expression.matches(of: regex) {
                guard let argument = match.output[2].substring else { continue }
                let file = argument.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                result.append(sourced(file, "jr://file-csv/\(file).csv", index: index))
            }
        }
        return result
    }

    private func refersToLastSaved(_ node: XFormSurvey.Node) -> Bool {
        if let value = node.defaultValue, XFormReference.containsLastSavedReference(value) { return true }
        if let filter = node.choiceFilter, XFormReference.containsLastSavedReference(filter) { return true }
        for (key, value) in node.bind ?? [] where Self.convertibleBindAttributes.contains(key) {
            if case .expression(let expression) = value, XFormReference.containsLastSavedReference(expression) { return true }
        }
        return false
    }

    /// `<instance id="list"><root><item>…` with `itextId` when the labels are in itext, otherwise
    /// the label inline, then the extra columns.
    private func choiceInstance(_ itemset: XFormItemset) -> MarkupElement {
        let requiresItext = itemset.requiresItext
        var root = MarkupElement("root")
        for (position, option) in itemset.options.enumerated() {
            var item = MarkupElement("item")
            if requiresItext { item.append(MarkupElement("itextId", text: "\(itemset.name)-\(position)")) }
            item.append(MarkupElement("name", text: option.name))
            if !requiresItext, case .plain(let label)? = option.label {
                item.append(MarkupElement("label", text: label))
            }
            for column in option.extraColumns {
                item.append(MarkupElement(column.name, text: column.value))
            }
            root.append(item)
        }
        return MarkupElement("instance", attributes: [("id", itemset.name)], children: [.element(root)])
    }
}
