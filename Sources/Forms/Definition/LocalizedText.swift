/// A text column that may be translated: `label`, `hint`, `label::French (fr)` ... Keys are the
/// language as written after `::`; the untranslated column has the key "" (``LocalizedText/untranslated``).
/// Kept as written so the XForm writer can decide, as pyxform does, which text goes to which
/// language (untranslated text becomes the "default" language when others exist).
public struct LocalizedText: Sendable, Equatable, Codable {
    /// The key of the column without `::language`.
    public static let untranslated = ""
    /// Texts by language, in column order.
    public var texts: [FormAttribute]

    public init(_ texts: [FormAttribute] = []) {
        self.texts = texts
    }

    /// A text with only the untranslated value.
    public init(plain: String) {
        self.texts = [FormAttribute(name: Self.untranslated, value: plain)]
    }

    public var isEmpty: Bool { texts.allSatisfy { $0.value.isEmpty } }

    /// The text in `language` ("" for the untranslated column), if given and non-empty.
    public subscript(language: String) -> String? {
        texts.first { $0.name == language && !$0.value.isEmpty }?.value
    }

    /// The languages with a non-empty text, in column order.
    public var languages: [String] { texts.filter { !$0.value.isEmpty }.map(\.name) }

    /// Sets or replaces the text in `language`.
    public mutating func set(_ value: String, language: String) {
        if let index = texts.firstIndex(where: { $0.name == language }) {
            texts[index].value = value
        } else {
            texts.append(FormAttribute(name: language, value: value))
        }
    }
}
