import Foundation
import Hummingbird
import MultipartKit

/// The fields of a posted web form (URL-encoded or multipart), after its CSRF token was checked.
struct FormFields: Sendable {
    var pairs: [(String, String)]
    var files: [String: UploadedFile] = [:]
    /// Every file in the order sent, with its field name (a `multiple` file input sends several).
    var uploads: [(field: String, file: UploadedFile)] = []

    subscript(name: String) -> String? { pairs.last(where: { $0.0 == name })?.1 }
}

/// A file sent with a multipart form.
struct UploadedFile: Sendable {
    var fileName: String
    /// The bytes as sent (an .xlsx is binary).
    var data: Data
}

extension Site {
    /// Reads a posted form and checks its CSRF token.
    func readForm(_ request: Request, context: CountedRequestContext) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
        let contentType = request.headers[.contentType] ?? ""
        let fields: FormFields
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            fields = try Self.multipart(buffer, contentType: contentType)
        } else {
            fields = FormFields(pairs: Self.urlEncoded(String(buffer: buffer)))
        }
        try CSRFProtection.verify(fields[CSRFProtection.fieldName], context: context)
        return fields
    }

    static func urlEncoded(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first else { return nil }
            func decode(_ text: Substring) -> String {
                (String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding) ?? String(text)
            }
            return (decode(rawName), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func multipart(_ buffer: ByteBuffer, contentType: String) throws -> FormFields {
        guard let boundary = HeaderParameters(contentType)["boundary"]
        else { throw PageError(.badRequest, "The upload has no multipart boundary.") }
        let parts: [MultipartPart]
        do {
            parts = try Self.parseParts(buffer, boundary: boundary)
        } catch {
            throw PageError(.badRequest, "The upload could not be read: \(error).")
        }
        var fields = FormFields(pairs: [])
        for part in parts {
            let disposition = Self.disposition(part)
            guard let name = disposition["name"] else { continue }
            if let fileName = disposition["filename"] {
                let file = UploadedFile(fileName: fileName, data: Data(buffer: part.body))
                fields.files[name] = file
                fields.uploads.append((name, file))
            } else {
                fields.pairs.append((name, String(buffer: part.body)))
            }
        }
        return fields
    }

    static func parseParts(_ buffer: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        final class Collector: @unchecked Sendable {
            var parts: [MultipartPart] = []
            var headers = HTTPHeaders()
            var body = ByteBuffer()
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.headers.add(name: name, value: value) }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            collector.parts.append(MultipartPart(headers: collector.headers, body: collector.body))
            collector.headers = HTTPHeaders()
            collector.body = ByteBuffer()
        }
        try parser.execute(buffer)
        return collector.parts
    }

    /// The `name` and `filename` of a part, from its `Content-Disposition`.
    static func disposition(_ part: MultipartPart) -> HeaderParameters {
        HeaderParameters(part.headers.first(name: "Content-Disposition") ?? "")
    }
}
