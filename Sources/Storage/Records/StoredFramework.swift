import Frameworks

/// A project's framework: the file as the organisation wrote it (what is exported and edited) and
/// the checked framework read from it.
public struct StoredFramework: Sendable, Equatable {
    public var framework: Framework
    public var fileName: String
    public var source: String
    /// The kit it was created from, if any.
    public var kit: String?
    public var updatedAt: String

    public init(framework: Framework, fileName: String, source: String, kit: String?, updatedAt: String) {
        self.framework = framework
        self.fileName = fileName
        self.source = source
        self.kit = kit
        self.updatedAt = updatedAt
    }
}
