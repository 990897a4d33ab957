/// A choice list as the XForm needs it: its choices with texts read the pyxform way, and whether
/// its labels must go through itext (any translated label, any media, or any `${name}` in a label).
/// That one flag decides both the secondary instance's shape and the itemset's label reference.
struct XFormItemset: Sendable, Equatable {
    /// One choice.
    struct Option: Sendable, Equatable {
        var name: String
        var label: XFormText?
        /// Media forms (`image`, `big-image`, `audio`, `video`) with their texts.
        var media: [XFormMedia]
        /// Extra columns written as child elements of the item (used by choice filters).
        var extraColumns: [FormAttribute]
    }

    var name: String
    var options: [Option]

    /// Whether the list's labels are written to itext (`itextId` items, `jr:itext(itextId)` labels).
    var requiresItext: Bool {
        options.contains { option in
            if !option.media.isEmpty { return true }
            switch option.label {
            case .translated?: return true
            case .plain(let text)?: return XFormReference.containsReference(text)
            case nil: return false
            }
        }
    }

    init(name: String, options: [Option]) {
        self.name = name
        self.options = options
    }

    init(_ list: FormChoiceList, defaultLanguage: String) {
        name = list.name
        options = list.choices.map { choice in
            Option(
                name: choice.name,
                label: XFormText.fromSingleColumn(choice.label, defaultLanguage: defaultLanguage),
                media: XFormMedia.list(choice.media, defaultLanguage: defaultLanguage),
                extraColumns: choice.extraColumns.filter { !$0.value.isEmpty && !$0.name.contains(" ") && !$0.name.isEmpty })
        }
    }

    /// Adds the "other" choice `or_other` asks for, unless the list has one: labelled "Other" in
    /// every language the list's labels use.
    mutating func addOtherChoice() {
        guard !options.contains(where: { $0.name == "other" }) else { return }
        var languages: [String] = []
        for option in options {
            if case .translated(let texts)? = option.label {
                for entry in texts where !languages.contains(entry.language) { languages.append(entry.language) }
            }
        }
        let label: XFormText = languages.isEmpty ? .plain("Other") : .translated(languages.map { ($0, "Other") })
        options.append(Option(name: "other", label: label, media: [], extraColumns: []))
    }
}
