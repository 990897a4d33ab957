import Foundation

/// Reads a questionnaire written as an XLSForm in pyxform's CSV layout. Authors already know
/// XLSForm from ODK and Kobo; reading its CSV form lets them keep their tools while the platform
/// supports a deliberately small, fully checked subset (text, integer, select_one, note).
public enum XLSFormCSV {
    /// Reads and checks a CSV XLSForm, collecting every problem before refusing it.
    /// - Parameters:
    ///   - fileName: the name used in problem messages, e.g. "survey.csv".
    ///   - fallbackFormID: the form ID when the settings sheet gives no `form_id`.
    public static func read(_ text: String, fileName: String, fallbackFormID: String) throws(FormDefinitionError) -> Questionnaire {
        let document = CSVDocument(parsing: text)
        let workbook = XLSFormWorkbook(document: document, fileName: fileName)
        var reader = XLSFormSheetReader(
            fileName: fileName, workbook: workbook, isTruncated: document.unterminatedQuote != nil)
        let choiceLists = reader.readChoiceLists()
        let questions = reader.readQuestions(choiceLists: choiceLists)
        let settings = reader.readSettings()

        let problems = workbook.problems + reader.problems
        guard problems.isEmpty else {
            throw FormDefinitionError(problems: inFileOrder(problems))
        }
        let formID = settings.formID ?? fallbackFormID
        return Questionnaire(
            formID: formID,
            title: settings.title ?? formID,
            version: settings.version ?? "1",
            questions: questions,
            choiceLists: choiceLists)
    }

    /// Problems without a row first, then by row; ties keep the order they were found in.
    private static func inFileOrder(_ problems: [FormProblem]) -> [FormProblem] {
        problems.enumerated()
            .sorted { lhs, rhs in
                let left = lhs.element.row ?? 0
                let right = rhs.element.row ?? 0
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
