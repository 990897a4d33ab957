/// One checked answer: the question's name and its typed value. This is what is stored and
/// what indicators are computed from.
public struct Answer: Sendable, Codable, Equatable {
    /// The question name (`Question.name`).
    public var field: String
    public var value: AnswerValue

    public init(field: String, value: AnswerValue) {
        self.field = field
        self.value = value
    }
}

extension Array where Element == Answer {
    /// The answer given to `field`, if any.
    public func value(for field: String) -> AnswerValue? {
        first { $0.field == field }?.value
    }
}
