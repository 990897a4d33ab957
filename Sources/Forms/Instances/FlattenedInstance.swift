/// A submission read against its form version: every answered node as a typed row, and every
/// mismatch as a finding. Nothing in the submission is left out of `values`.
public struct FlattenedInstance: Sendable, Equatable {
    public var values: [InstanceValue]
    public var findings: [InstanceFinding]
    /// File names that `binary` answers (photos, audio, files) refer to: the attachments to expect.
    public var attachmentNames: [String]

    public init(values: [InstanceValue] = [], findings: [InstanceFinding] = [], attachmentNames: [String] = []) {
        self.values = values
        self.findings = findings
        self.attachmentNames = attachmentNames
    }
}
