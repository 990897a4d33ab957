import Forms

/// A questionnaire as the project has it: the form, and the version new submissions use.
/// Earlier versions stay stored, with the submissions made with them.
public struct StoredForm: Sendable, Equatable {
    /// The store's key for the form (all versions).
    public var id: String
    public var projectID: String
    /// The store's key for this version.
    public var versionID: String
    public var questionnaire: Questionnaire
    public var sourceName: String

    public var formID: String { questionnaire.formID }
}
