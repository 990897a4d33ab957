/// A line of the audit log: who did what, when. Kept for accountability to respondents and
/// reviewers; it names records, never respondents' answers.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var at: String
    public var actorID: String?
    public var projectID: String?
    public var action: String
    public var subject: String
}
