import Foundation
import Forms
import Frameworks

/// The language a framework's texts are shown in, chosen with `?lang=` among the framework's own
/// languages. Counted's interface stays in English; each framework text is marked with the
/// language it is actually written in (a missing translation falls back to another language),
/// so that screen readers pronounce it correctly (WCAG 3.1.2, language of parts).
struct FrameworkLanguage: Sendable, Equatable {
    /// A language code of the framework, e.g. "fr".
    let code: String
    /// The framework's default language, for texts written without one.
    let fallback: String

    /// The language asked for when the framework has it, else the framework's default.
    init(requested: String?, framework: Framework) {
        let fallback = framework.defaultLanguage ?? Self.interface
        self.fallback = fallback.isEmpty ? Self.interface : fallback
        if let requested, framework.languages.contains(requested) {
            code = requested
        } else {
            code = self.fallback
        }
    }

    /// The language of Counted's own words on the page.
    static let interface = "en"

    /// A framework text in this language, with the language it is actually written in:
    /// `["text": ..., "lang": ...]` for the templates.
    func values(_ text: FrameworkText) -> [String: Any] {
        let written = text.translation(in: code)
        let language = written.map(\.language).flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        return ["text": written?.text ?? "", "lang": language]
    }

    func text(_ text: FrameworkText) -> String {
        text.text(in: code)
    }

    /// The name of a language in that language ("Français"), for the links that switch to it.
    static func name(of code: String) -> String {
        let name = Locale(identifier: code).localizedString(forLanguageCode: code) ?? code
        guard let first = name.first else { return code }
        return first.uppercased() + name.dropFirst()
    }

    /// A question's label in this language, with the language it is in, from an XLSForm whose
    /// columns name languages as "Français (fr)" or "fr". Nil when the question has no label.
    func label(of element: FormElement, in form: FormDefinition) -> (text: String, lang: String?)? {
        let column = form.languages.first { $0 == code || $0.hasSuffix("(\(code))") }
        if let column, let text = element.label[column] { return (text, code) }
        let display = form.displayLanguage
        if let text = element.label[display] { return (text, Self.languageCode(ofColumn: display)) }
        guard let text = element.label.text(in: display) else { return nil }
        return (text, nil)
    }

    /// "Français (fr)" -> "fr"; "fr" -> "fr"; "" or "French" -> nil.
    static func languageCode(ofColumn column: String) -> String? {
        if let open = column.lastIndex(of: "("), column.hasSuffix(")") {
            let code = column[column.index(after: open)..<column.index(before: column.endIndex)]
            return code.isEmpty ? nil : String(code)
        }
        let isCode = (2...3).contains(column.count) && column.allSatisfy { $0.isASCII && $0.isLowercase }
        return isCode ? column : nil
    }
}
