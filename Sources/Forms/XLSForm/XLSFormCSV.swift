import Foundation

/// The questionnaire of an XLSForm in pyxform's CSV layout, in one call: for code and tests
/// that keep their forms as text.
public enum XLSFormCSV {
    /// Reads and checks a CSV XLSForm with the full XLSForm reader, collecting every problem.
    /// - Parameters:
    ///   - fileName: the name used in problem messages, e.g. "survey.csv".
    ///   - fallbackFormID: the form ID when the settings sheet gives none.
    public static func read(_ text: String, fileName: String, fallbackFormID: String) throws(FormDefinitionError) -> Questionnaire {
        let form = try XLSFormFile.read(Data(text.utf8), fileName: fileName, fallbackFormID: fallbackFormID)
        return Questionnaire(form: form, fallbackFormID: fallbackFormID)
    }
}
