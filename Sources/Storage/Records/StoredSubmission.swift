import Forms

/// How a submission reached Counted.
public enum SubmissionChannel: String, Sendable, Codable {
    case api, web, demo, openrosa
}

/// What the store answers when it has a submission safely on disk.
public struct SubmissionReceipt: Sendable, Equatable, Codable {
    public var id: String
    public var instanceID: String
    /// True when a submission with this instance ID was already stored (a client retrying
    /// after a lost answer): nothing new was written.
    public var isDuplicate: Bool
}

/// One stored submission with its typed answers.
public struct StoredSubmission: Sendable, Equatable, Codable {
    public var id: String
    public var instanceID: String
    public var formVersion: String
    public var channel: SubmissionChannel
    public var submittedBy: String?
    public var receivedAt: String
    public var answers: [Answer]
}
