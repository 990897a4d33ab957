import Foundation

/// A file kept byte for byte with its MD5 (what OpenRosa manifests and clients compare): a
/// submission's attachment or a form's media file.
public struct StoredFile: Sendable, Equatable {
    public var name: String
    public var contentType: String
    public var content: Data
    /// Lower-case hex MD5 of `content`.
    public var md5: String

    public init(name: String, contentType: String, content: Data, md5: String) {
        self.name = name
        self.contentType = contentType
        self.content = content
        self.md5 = md5
    }
}
