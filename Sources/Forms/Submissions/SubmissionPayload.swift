/// What a client sent, after it has been checked against the questionnaire: ready to store.
public struct SubmissionPayload: Sendable, Equatable {
    /// The client's own identifier for this submission, used to recognise a repeated upload.
    public var instanceID: String?
    /// Checked answers in questionnaire order; unanswered optional questions are omitted.
    public var answers: [Answer]

    public init(instanceID: String? = nil, answers: [Answer]) {
        self.instanceID = instanceID
        self.answers = answers
    }
}
