import Accounts
import Forms
import Foundation
import Storage

/// One media file of a form version as managers see it: expected by the XForm or not, uploaded
/// or still missing.
struct FormMediaStatus: Encodable, Sendable, Equatable {
    var name: String
    /// The XForm names it, so ODK Collect will look for it.
    var expected: Bool
    var uploaded: Bool
    var md5: String?

    /// Expected files first (in the XForm's order), then uploaded files the XForm does not name.
    static func list(_ form: PublishedForm) -> [FormMediaStatus] {
        let uploaded = Dictionary(form.media.map { ($0.name, $0.md5) }, uniquingKeysWith: { first, _ in first })
        let expected = XFormAttachments.names(in: form.xform)
        return expected.map { FormMediaStatus(name: $0, expected: true, uploaded: uploaded[$0] != nil, md5: uploaded[$0]) }
            + form.media.filter { !expected.contains($0.name) }
                .map { FormMediaStatus(name: $0.name, expected: false, uploaded: true, md5: $0.md5) }
    }

    /// A file ready to store, or why its name cannot be a media file's.
    static func file(named name: String, data: Data, contentType: String) throws(MediaFileProblem) -> FormMediaFile {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 255, !trimmed.contains("/"), !trimmed.contains("\\"), trimmed != ".", trimmed != "..",
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw MediaFileProblem(message: "'\(name)' cannot be a media file's name: use the file name the XLSForm gives, without folders.")
        }
        guard !data.isEmpty else { throw MediaFileProblem(message: "The media file '\(trimmed)' is empty.") }
        return FormMediaFile(name: trimmed, contentType: contentType, content: data, md5: ContentDigest.md5(data))
    }

    /// The content type ODK Collect is given for a file, by its extension.
    static func contentType(for name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "csv": "text/csv"
        case "xml": "text/xml"
        case "geojson": "application/geo+json"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "mp3": "audio/mpeg"
        case "wav": "audio/wav"
        case "ogg": "audio/ogg"
        case "m4a": "audio/mp4"
        case "mp4": "video/mp4"
        case "3gp": "video/3gpp"
        case "webm": "video/webm"
        default: "application/octet-stream"
        }
    }
}

/// Why a file cannot be stored as a form's media file, in words for the person uploading it.
struct MediaFileProblem: Error, Sendable {
    var message: String
}
