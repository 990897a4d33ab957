/// A text of a framework in each of its languages. Frameworks travel between countries and
/// communities, and each reads its indicators in its own language; the first translation given
/// is the one shown when a language is missing.
public struct FrameworkText: Sendable, Hashable, Codable {
    /// One language's text.
    public struct Translation: Sendable, Hashable, Codable {
        /// A language code, e.g. "en", "fr", "es".
        public var language: String
        public var text: String

        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// In the order written.
    public var translations: [Translation]

    public init(_ translations: [Translation] = []) {
        self.translations = translations
    }

    /// The same text in every language.
    public init(plain text: String) {
        self.translations = [Translation(language: "", text: text)]
    }

    public var isEmpty: Bool { translations.allSatisfy { $0.text.isEmpty } }

    /// The languages that have a text.
    public var languages: [String] { translations.filter { !$0.text.isEmpty }.map(\.language) }

    /// The translation shown for `language`: that language's, else the first that has a text. Its
    /// `language` says what the text is actually written in (for a page's `lang` attribute).
    public func translation(in language: String? = nil) -> Translation? {
        if let language, let match = translations.first(where: { $0.language == language && !$0.text.isEmpty }) {
            return match
        }
        return translations.first { !$0.text.isEmpty }
    }

    /// The text in `language`, else in the first language that has one; "" when there is none.
    public func text(in language: String? = nil) -> String {
        translation(in: language)?.text ?? ""
    }
}
