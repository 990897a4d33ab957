/// The `<itext>` block: one `<translation>` per language with every translated or dynamic text,
/// built in pyxform's order (choice labels, then question texts, then media) and completed so
/// that every language has every text, with "-" where a language lacks one.
extension XFormDocument {
    /// One text of a translation.
    private enum Entry {
        /// A displayed text; `context` is the node whose `${name}` references are relative to it.
        case text(String, context: Int?)
        /// A media file name.
        case media(String)
        /// pyxform's "-" for a text a language does not have.
        case missing
    }

    /// Ordered map: language → itext id → form ("long", "guidance", "image" ...) → entry.
    private struct Translations {
        var languages: [String] = []
        var paths: [String: [String]] = [:]
        var forms: [String: [String: [(String, Entry)]]] = [:]

        mutating func set(_ language: String, _ path: String, _ form: String, _ entry: Entry) {
            if !languages.contains(language) { languages.append(language) }
            if !(paths[language]?.contains(path) ?? false) { paths[language, default: []].append(path) }
            var entries = forms[language]?[path] ?? []
            if let index = entries.firstIndex(where: { $0.0 == form }) {
                entries[index].1 = entry
            } else {
                entries.append((form, entry))
            }
            forms[language, default: [:]][path] = entries
        }

        func has(_ language: String, _ path: String, _ form: String) -> Bool {
            forms[language]?[path]?.contains { $0.0 == form } ?? false
        }

        /// pyxform's `_add_empty_translations`: every language gets every text and form.
        mutating func fillMissing() {
            var allPaths: [String] = []
            var formsByPath: [String: [String]] = [:]
            for language in languages {
                for path in paths[language] ?? [] {
                    if !allPaths.contains(path) { allPaths.append(path) }
                    for (form, _) in forms[language]?[path] ?? [] where !(formsByPath[path]?.contains(form) ?? false) {
                        formsByPath[path, default: []].append(form)
                    }
                }
            }
            for language in languages {
                for path in allPaths {
                    if !(paths[language]?.contains(path) ?? false) {
                        paths[language, default: []].append(path)
                        forms[language, default: [:]][path] = []
                    }
                    for form in formsByPath[path] ?? [] where !has(language, path, form) {
                        forms[language, default: [:]][path, default: []].append((form, .missing))
                    }
                }
            }
        }
    }

    /// Whether the node's label is written through itext (translated label, or any media).
    func needsItextLabel(_ node: XFormSurvey.Node) -> Bool {
        (node.label?.isTranslated ?? false) || !node.media.isEmpty
    }

    func itext() throws(FormDefinitionError) -> MarkupElement? {
        var translations = Translations()
        let defaultLanguage = survey.defaultLanguage

        for itemset in survey.itemsets where itemset.requiresItext {
            for (position, option) in itemset.options.enumerated() {
                let id = "\(itemset.name)-\(position)"
                if let label = option.label {
                    for (language, text) in label.byLanguage(defaultLanguage: defaultLanguage) {
                        translations.set(language, id, "long", .text(text, context: nil))
                    }
                }
                for media in option.media {
                    for (language, file) in media.text.byLanguage(defaultLanguage: defaultLanguage) {
                        translations.set(language, id, media.form, .media(file))
                    }
                }
            }
        }

        for index in survey.descendants() {
            let node = survey.nodes[index]
            guard node.kind != .externalInstance else { continue }
            let xpath = survey.xpath(of: index)
            for key in ["jr:constraintMsg", "jr:requiredMsg"] {
                guard case .message(let message)? = node.bindValue(key) else { continue }
                if message.isTranslated || XFormReference.containsReference(message.plainText ?? "") {
                    for (language, text) in message.byLanguage(defaultLanguage: defaultLanguage) {
                        translations.set(language, "\(xpath):\(key)", "long", .text(text, context: index))
                    }
                }
            }
            if let label = node.label, label.isTranslated || needsItextLabel(node) {
                for (language, text) in label.byLanguage(defaultLanguage: defaultLanguage) {
                    translations.set(language, "\(xpath):label", "long", .text(text, context: index))
                }
            }
            if let hint = node.hint, hint.isTranslated || node.guidanceHint != nil {
                for (language, text) in hint.byLanguage(defaultLanguage: defaultLanguage) {
                    translations.set(language, "\(xpath):hint", "long", .text(text, context: index))
                }
            }
            if let guidance = node.guidanceHint {
                for (language, text) in guidance.byLanguage(defaultLanguage: defaultLanguage) {
                    translations.set(language, "\(xpath):hint", "guidance", .text(text, context: index))
                }
            }
        }

        for index in survey.descendants() where !survey.nodes[index].media.isEmpty {
            let path = "\(survey.xpath(of: index)):label"
            for media in survey.nodes[index].media {
                for (language, file) in media.text.byLanguage(defaultLanguage: defaultLanguage) {
                    translations.set(language, path, media.form, .media(file))
                }
            }
        }

        guard !translations.languages.isEmpty else { return nil }
        translations.fillMissing()
        var nodeByPath: [String: Int] = [:]
        for index in survey.nodes.indices { nodeByPath[survey.xpath(of: index)] = index }

        var itext = MarkupElement("itext")
        for language in translations.languages {
            var attributes = [("lang", language)]
            if language == defaultLanguage { attributes.append(("default", "true()")) }
            var translation = MarkupElement("translation", attributes: attributes)
            for path in translations.paths[language] ?? [] {
                let isHint = path.split(separator: ":", maxSplits: 1).dropFirst().first == "hint"
                var values: [MarkupElement] = []
                for (form, entry) in translations.forms[language]?[path] ?? [] {
                    let site = site(for: path, column: form, nodeByPath: nodeByPath)
                    if let value = try value(form: form, entry: entry, isHint: isHint, site: site) { values.append(value) }
                }
                translation.append(MarkupElement("text", attributes: [("id", path)], children: values.map { .element($0) }))
            }
            itext.append(translation)
        }
        return itext
    }

    /// One `<value>`: text as is (with `<output>`s), media as `jr://images/…` style URIs, and "-"
    /// kept for texts but dropped for media.
    private func value(form: String, entry: Entry, isHint: Bool, site: XFormSurvey.TextSite) throws(FormDefinitionError) -> MarkupElement? {
        let content: [MarkupElement.Content]
        let raw: String
        switch entry {
        case .missing:
            raw = "-"
            content = [.text("-")]
        case .media(let file):
            raw = file
            content = try survey.outputContent(file, context: nil, at: site).content
        case .text(let text, let context):
            raw = text
            content = try survey.outputContent(text, context: context, at: site).content
        }
        if isHint {
            return MarkupElement("value", attributes: form == "guidance" ? [("form", "guidance")] : [], children: content)
        }
        switch form {
        case "long":
            return MarkupElement("value", children: content)
        case "image", "big-image":
            guard raw != "-" else { return nil }
            return MarkupElement("value", attributes: [("form", form)], children: prefixed("jr://images/", content))
        default:
            guard raw != "-" else { return nil }
            return MarkupElement("value", attributes: [("form", form)], children: prefixed("jr://\(form)/", content))
        }
    }

    private func prefixed(_ prefix: String, _ content: [MarkupElement.Content]) -> [MarkupElement.Content] {
        if case .text(let text)? = content.first {
            return [.text(prefix + text)] + content.dropFirst()
        }
        return [.text(prefix)] + content
    }

    /// Where an itext id's text came from: a survey row, or a choice list.
    private func site(for path: String, column: String, nodeByPath: [String: Int]) -> XFormSurvey.TextSite {
        if path.hasPrefix("/") {
            let xpath = String(path.prefix { $0 != ":" })
            if let index = nodeByPath[xpath] {
                return .survey(survey.nodes[index], column == "long" ? "label" : column)
            }
        }
        return XFormSurvey.TextSite(sheet: "choices", row: 0, column: column == "long" ? "label" : column)
    }
}
