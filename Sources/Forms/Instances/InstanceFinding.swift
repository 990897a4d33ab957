/// Something in a submission that does not match its form: recorded with the submission, never a
/// reason to drop it. Respondents' data is kept as sent; reviewers see the findings and decide.
public struct InstanceFinding: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The text is not a value of the node's type (a word in an integer, 2024-02-30 …).
        case invalidValue
        /// A select's value is not one of its choices.
        case unknownChoice
        /// A required answer is empty or missing.
        case requiredMissing
        /// A constraint does not hold.
        case constraintFailed
        /// An answer to a question whose `relevant` (or an enclosing group's) is false: ODK
        /// Collect would not have sent it. The answer is kept.
        case notRelevant
        /// A node the form version does not define.
        case unknownNode
        /// A node that is not a repeat appears more than once.
        case repeatedNode
        /// The root element, instance ID or version is not what the form says.
        case metadata
        /// An attachment that no answer names.
        case unexpectedAttachment
    }

    /// Where: the node's path with repeat indices (`/data/people[2]/age`), or the attachment's name.
    public var path: String
    public var kind: Kind
    /// Plain-language explanation a reviewer can act on.
    public var message: String

    public init(path: String, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
