/// Disability status from the Washington Group Short Set on Functioning: six questions on
/// difficulty seeing, hearing, walking, remembering, self-care and communicating, each answered
/// no difficulty, some, a lot, or cannot do at all. It asks about functioning rather than
/// "disability", which many people do not apply to themselves, and is the standard for
/// disaggregating by disability (SDG, CRPD article 31).
public enum WashingtonGroup {
    /// One of the six domains and the question that asks about it.
    public struct Domain: Sendable, Hashable, Codable {
        public var name: String
        public var field: String

        public init(name: String, field: String) {
            self.name = name
            self.field = field
        }
    }

    /// The six domains, in the order of the Short Set; framework files use these keys.
    public static let domainNames = ["seeing", "hearing", "walking", "remembering", "selfcare", "communicating"]

    /// Choice names of the four answers.
    public static let noDifficulty = "none", someDifficulty = "some", aLotOfDifficulty = "a_lot", cannotDoAtAll = "cannot"

    /// SDMX DISABILITY_STATUS codes.
    public static let disabled = "PD", notDisabled = "NPD"

    /// The Washington Group's recommended identifier (disability 3): a person with a disability
    /// has at least one domain with 'a lot of difficulty' or 'cannot do at all'. Without such a
    /// domain, the person is without disability only if every domain was answered; otherwise the
    /// status is unknown (nil). Any other answer (refused, don't know) counts as unanswered.
    public static func status(_ answers: [String?]) -> String? {
        var complete = true
        for answer in answers {
            switch answer {
            case aLotOfDifficulty, cannotDoAtAll: return disabled
            case noDifficulty, someDifficulty: continue
            default: complete = false
            }
        }
        return complete && !answers.isEmpty ? notDisabled : nil
    }
}
