import Foundation

/// One file of an export, by its path inside the export directory. Exports are made in memory
/// (they are small) and written by the command line or served by the web, the same bytes both ways.
public struct ExportFile: Sendable, Hashable {
    public var path: String
    public var mediaType: String
    public var content: Data

    public init(path: String, mediaType: String, content: Data) {
        self.path = path
        self.mediaType = mediaType
        self.content = content
    }

    public init(path: String, mediaType: String, text: String) {
        self.init(path: path, mediaType: mediaType, content: Data(text.utf8))
    }
}
