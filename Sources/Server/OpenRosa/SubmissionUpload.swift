import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import Storage

/// The parts of an OpenRosa submission POST: the XML (part `xml_submission_file`) and the
/// attachments, each in a part named after its file.
struct SubmissionUpload: Sendable {
    static let xmlPartName = "xml_submission_file"

    var xml: Data
    var attachments: [SubmissionAttachment]

    /// Reads a `multipart/form-data` body; nil boundary or a broken body is a 400 in the collector's words.
    init(body: ByteBuffer, contentType: String, limit: Int, digest: (Data) -> String) throws(OpenRosaError) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = HeaderParameters(contentType)["boundary"], !boundary.isEmpty
        else {
            throw OpenRosaError(status: .badRequest, message: "Send the submission as multipart/form-data, with the XML in a part named "
                + "'\(Self.xmlPartName)' and each attachment in a part named after its file.", acceptLength: limit)
        }
        let parts: [MultipartPart]
        do {
            parts = try Site.parseParts(body, boundary: boundary)
        } catch {
            throw OpenRosaError(status: .badRequest, message: "The multipart body could not be read (it is cut short or its boundary is wrong); "
                + "nothing was stored.", acceptLength: limit)
        }
        // A part's name is parsed from its headers on every read: read it once.
        let named = parts.map { (disposition: Site.disposition($0), part: $0) }
        guard let xmlPart = named.first(where: { $0.disposition["name"] == Self.xmlPartName })?.part else {
            throw OpenRosaError(status: .badRequest, message: "The submission has no part named '\(Self.xmlPartName)' with the XML; nothing was stored.",
                                acceptLength: limit)
        }
        xml = Data(buffer: xmlPart.body)
        attachments = named.compactMap { disposition, part in
            let partName = disposition["name"]
            guard partName != Self.xmlPartName, partName != "*isIncomplete*" else { return nil }
            guard let name = disposition["filename"].flatMap({ $0.isEmpty ? nil : $0 }) ?? partName, !name.isEmpty else { return nil }
            let content = Data(buffer: part.body)
            return SubmissionAttachment(name: name, contentType: part.headers.first(name: "Content-Type") ?? "application/octet-stream",
                                        content: content, md5: digest(content))
        }
    }
}
