/// One reason a submission was refused, tied to the field (or "body") it concerns so a form can
/// show it next to the right question and an API client can act on it.
public struct SubmissionProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The question name, "body", "answers", "instance_id" or the unexpected key.
    public var field: String
    /// Plain-language explanation.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// "field: message".
    public var description: String { "\(field): \(message)" }
}
