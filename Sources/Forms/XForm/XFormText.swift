/// A displayed text as pyxform holds it after reading the sheet: one plain text (written inline in
/// the body), or texts by language (written to itext). Which one a column gives decides where the
/// text ends up, so the rules below follow pyxform's column merging exactly.
enum XFormText: Sendable, Equatable {
    case plain(String)
    /// Texts by language, in column order; the untranslated column appears under the default
    /// language.
    case translated([(language: String, text: String)])

    static func == (lhs: XFormText, rhs: XFormText) -> Bool {
        switch (lhs, rhs) {
        case (.plain(let a), .plain(let b)): a == b
        case (.translated(let a), .translated(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.language == $1.language && $0.text == $1.text }
        default: false
        }
    }

    var isTranslated: Bool {
        if case .translated = self { true } else { false }
    }

    /// The plain text, if this is one.
    var plainText: String? {
        if case .plain(let text) = self { text } else { nil }
    }

    /// Each language with its text; a plain text is given under `defaultLanguage`.
    func byLanguage(defaultLanguage: String) -> [(language: String, text: String)] {
        switch self {
        case .plain(let text): [(defaultLanguage, text)]
        case .translated(let texts): texts
        }
    }

    /// How pyxform reads a one-word column (`label`, `hint`, `guidance_hint`, a choice `label`):
    /// the untranslated column replaces whatever came before it, a translated column is merged in,
    /// and a translated column for the default language wins over the untranslated one.
    static func fromSingleColumn(_ text: LocalizedText, defaultLanguage: String) -> XFormText? {
        var result: XFormText?
        for entry in text.texts where !entry.value.isEmpty {
            if entry.name == LocalizedText.untranslated {
                result = .plain(entry.value)
            } else {
                result = merge(result, language: entry.name, text: entry.value, defaultLanguage: defaultLanguage)
            }
        }
        return result
    }

    /// How pyxform reads a grouped column (`image`, `constraint_message`, `required_message` ...):
    /// the untranslated column is merged in under the default language, where it stands in column
    /// order, unless a translated column for the default language exists.
    static func fromGroupedColumn(_ text: LocalizedText, defaultLanguage: String) -> XFormText? {
        var result: XFormText?
        for entry in text.texts where !entry.value.isEmpty {
            if entry.name == LocalizedText.untranslated {
                switch result {
                case nil: result = .plain(entry.value)
                case .plain: result = .plain(entry.value)
                case .translated(var texts):
                    if !texts.contains(where: { $0.language == defaultLanguage }) {
                        texts.append((defaultLanguage, entry.value))
                    }
                    result = .translated(texts)
                }
            } else {
                result = merge(result, language: entry.name, text: entry.value, defaultLanguage: defaultLanguage)
            }
        }
        return result
    }

    private static func merge(_ current: XFormText?, language: String, text: String,
                              defaultLanguage: String) -> XFormText {
        switch current {
        case nil:
            return .translated([(language, text)])
        case .plain(let plain):
            if language == defaultLanguage { return .translated([(language, text)]) }
            return .translated([(defaultLanguage, plain), (language, text)])
        case .translated(var texts):
            if let index = texts.firstIndex(where: { $0.language == language }) {
                texts[index].text = text
            } else {
                texts.append((language, text))
            }
            return .translated(texts)
        }
    }
}
