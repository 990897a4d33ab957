/// Writes a questionnaire as an ODK XForm, the XML that ODK Collect, Enketo and Central load.
/// The output carries the same data as pyxform's (the reference XLSForm converter) for the same
/// form, down to its paths, itext ids and generated nodes, so a form behaves the same whichever
/// tool converted it, and pyxform's output can serve as the test oracle.
public enum XFormWriter {
    /// The XForm for `form`.
    /// - Parameters:
    ///   - fallbackFormID: the form ID (and title) when the settings give none; pyxform uses the
    ///     file name without its extension.
    ///   - fileName: the questionnaire's file name, used in problems.
    /// - Throws: `FormDefinitionError` when the form cannot be written: a `${name}` that names no
    ///   element (or several), a question without label or hint, a `search()` choice list shared
    ///   with ordinary selects, clashing secondary instance names, or a trigger that is never shown.
    public static func write(_ form: FormDefinition, fallbackFormID: String, fileName: String = "")
        throws(FormDefinitionError) -> String {
        let survey = try XFormSurvey(form: form, fallbackFormID: fallbackFormID, fileName: fileName)
        return try XFormDocument(survey: survey).render().document()
    }
}
