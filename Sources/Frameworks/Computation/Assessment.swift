/// A structural indicator's value: the desk review's answer on a law, policy or institution, with
/// the evidence and the source that make it checkable. Without both it is not complete, and is
/// shown as no data rather than as the bare answer.
public struct Assessment: Sendable, Hashable, Codable {
    /// The three answers a desk review gives.
    public enum Answer: String, Sendable, Hashable, Codable, CaseIterable {
        case yes, partly, no

        public var label: String {
            switch self {
            case .yes: "Yes"
            case .partly: "Partly"
            case .no: "No"
            }
        }
    }

    public var answer: Answer?
    public var evidence: String?
    public var source: String?

    public init(answer: Answer?, evidence: String?, source: String?) {
        self.answer = answer
        self.evidence = evidence
        self.source = source
    }

    /// An answer with both its evidence and its source.
    public var isComplete: Bool {
        answer != nil && !(evidence ?? "").isEmpty && !(source ?? "").isEmpty
    }

    /// Why it is incomplete, for the reader; nil when complete.
    public var missingReason: String? {
        if answer == nil { return "The desk review has not answered this question." }
        var missing: [String] = []
        if (evidence ?? "").isEmpty { missing.append("evidence") }
        if (source ?? "").isEmpty { missing.append("a source reference") }
        return missing.isEmpty ? nil : "The answer has no \(missing.joined(separator: " and ")), so it is not shown."
    }
}
