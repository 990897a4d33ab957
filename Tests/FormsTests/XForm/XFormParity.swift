import Foundation
import Testing
@testable import Forms

/// Compares our XForm for a form with pyxform's output for the same form, committed in
/// `Expected/<name>.xml` (generated from `Expected/<name>.md` with
/// `xls2xform --skip_validate --pretty_print <name>.md <name>.xml`).
enum XFormParity {
    static let expectedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: expectedFolder.appendingPathComponent("\(name).xml"), encoding: .utf8)
    }

    /// Writes the form and records a test issue naming the first differences, if any.
    static func check(_ form: FormDefinition, expected name: String, fallbackFormID: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try XFormWriter.write(form, fallbackFormID: fallbackFormID ?? name, fileName: "\(name).xlsx")
        if let folder = ProcessInfo.processInfo.environment["XFORM_OUTPUT"] {
            try ours.write(toFile: "\(folder)/\(name).xml", atomically: true, encoding: .utf8)
        }
        let theirs = try expected(name)
        let oursCanonical = try XMLCanonicalForm(parsing: ours)
        let theirsCanonical = try XMLCanonicalForm(parsing: theirs)
        let same = oursCanonical.lines == theirsCanonical.lines
        #expect(same,
                "differs from pyxform's \(name).xml:\n\(oursCanonical.differences(from: theirsCanonical))",
                sourceLocation: sourceLocation)
    }
}

/// A plain (untranslated) text.
func plainText(_ text: String) -> LocalizedText { LocalizedText(plain: text) }

/// Texts by column: "" is the untranslated column, other keys are languages, in the order given.
func textsByColumn(_ pairs: KeyValuePairs<String, String>) -> LocalizedText {
    LocalizedText(pairs.map { FormAttribute(name: $0.key, value: $0.value) })
}

/// `parameters` as written, e.g. "start=0 end=5".
func parameterList(_ written: String) -> [FormAttribute] {
    written.split(separator: " ").map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1)
        return FormAttribute(name: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
    }
}

/// A choice list from (name, label) pairs.
func simpleChoiceList(_ name: String, _ choices: [(String, String)]) -> FormChoiceList {
    FormChoiceList(name: name, choices: choices.map { FormChoice(name: $0.0, label: plainText($0.1)) })
}
