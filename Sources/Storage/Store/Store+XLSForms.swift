import Accounts
import Forms
import Foundation

/// Questionnaires added from XLSForm files, as an upload, a kit or the demo adds them.
extension Store {
    /// Reads an XLSForm (.xlsx or CSV), writes its XForm for ODK Collect, and stores both as a new
    /// version of its form. Warnings (the reader's, and questions whose type changed since the
    /// previous version) come back with the stored form; they never stop an upload.
    public func addXLSForm(_ data: Data, fileName: String, projectID: String, createdBy: String?) async throws -> (form: StoredForm, warnings: [FormProblem]) {
        let fallback = Self.formID(fromFileName: fileName)
        let (definition, xform) = try XLSFormFile.convert(data, fileName: fileName, fallbackFormID: fallback)
        let questionnaire = Questionnaire(form: definition, fallbackFormID: fallback)
        var warnings = definition.warnings
        if let previous = try await latestFormDefinition(projectID: projectID, formID: questionnaire.formID),
           previous.settings.version != definition.settings.version {
            warnings += definition.typeChanges(since: previous, fileName: fileName)
        }
        // The source column is text: CSV is kept as written, a workbook as base64.
        let source = fileName.lowercased().hasSuffix(".csv") ? String(decoding: data, as: UTF8.self) : data.base64EncodedString()
        // External choices travel as itemsets.csv, written here as pyxform writes it beside the XForm.
        let itemsets = ItemsetsCSV.text(for: definition).map { text in
            FormMediaFile(name: ItemsetsCSV.fileName, contentType: "text/csv", content: Data(text.utf8), md5: ContentDigest.md5(Data(text.utf8)))
        }
        let form = try await addFormVersion(
            projectID: projectID, questionnaire: questionnaire, sourceName: fileName, source: source, createdBy: createdBy,
            xform: XFormVersion(xform: xform, definition: definition, media: itemsets.map { [$0] } ?? []))
        return (form, warnings)
    }

    /// "household-survey.csv" -> "household_survey", as a form ID when the settings sheet gives none.
    public static func formID(fromFileName fileName: String) -> String {
        let base = (fileName as NSString).deletingPathExtension
        let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        guard let first = cleaned.first, first.isLetter || first == "_" else { return "form_" + cleaned }
        return cleaned
    }
}
