import Forms
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// Reading one submission back: its raw XML exactly as received, its attachments byte for byte,
/// and its typed values and findings as JSON. For roles that may read submissions.
extension Site {
    func addSubmissionRecordRoutes(to router: Router<CountedRequestContext>) {
        let api = router.group("api/v1/projects/:project/forms/:form/submissions")

        // `{instanceID}.xml`: the raw XML; `{instanceID}`: the record as JSON.
        api.get(":instance") { _, context -> Response in
            let form = try await readableForm(context)
            let reference = try Self.instanceParameter(context, "instance")
            if reference.hasSuffix(".xml") {
                let instanceID = String(reference.dropLast(4))
                guard let raw = try await store.rawSubmissionXML(formPK: form.id, instanceID: instanceID) else {
                    throw APIError(.notFound, "The form '\(form.formID)' has no submission '\(instanceID)' received as XML.")
                }
                return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(bytes: raw)))
            }
            guard let record = try await store.submissionRecord(formPK: form.id, instanceID: reference) else {
                throw APIError(.notFound, "The form '\(form.formID)' has no submission '\(reference)'.")
            }
            return Self.json(SubmissionRecordBody(record), status: .ok)
        }

        api.get(":instance/attachments/:name") { _, context -> Response in
            let form = try await readableForm(context)
            let instanceID = try Self.instanceParameter(context, "instance")
            let name = try Self.instanceParameter(context, "name")
            guard let attachment = try await store.submissionAttachment(formPK: form.id, instanceID: instanceID, name: name) else {
                throw APIError(.notFound, "The submission '\(instanceID)' has no attachment '\(name)'.")
            }
            return Response(status: .ok, headers: [.contentType: attachment.contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: attachment.content)))
        }
    }

    private func readableForm(_ context: CountedRequestContext) async throws -> StoredForm {
        let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
        try require(.readSubmissions, in: scope, context: context, api: true)
        return try await form(try context.parameters.require("form"), in: scope, api: true)
    }

    /// A path parameter, percent-decoded (instance IDs carry a colon, which clients may encode).
    static func instanceParameter(_ context: CountedRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}

/// A stored submission as the API returns it.
struct SubmissionRecordBody: Encodable {
    var id: String
    var instanceID: String
    var formVersion: String
    var channel: String
    var receivedAt: String
    var deprecatedID: String?
    var replaces: String?
    var replacedBy: String?
    var sha256: String?
    var values: [Value]
    var findings: [InstanceFinding]
    var attachments: [AttachmentSummary]

    struct Value: Encodable {
        var position: Int
        var record: String
        var parentPosition: Int?
        var path: String
        var type: String
        var text: String
        var number: Double?

        enum CodingKeys: String, CodingKey {
            case position, record, parentPosition = "parent_position", path, type, text, number
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(position, forKey: .position)
            try container.encode(record, forKey: .record)
            try container.encode(parentPosition, forKey: .parentPosition)
            try container.encode(path, forKey: .path)
            try container.encode(type, forKey: .type)
            try container.encode(text, forKey: .text)
            try container.encode(number, forKey: .number)
        }
    }

    init(_ record: SubmissionRecord) {
        id = record.id
        instanceID = record.instanceID
        formVersion = record.formVersion
        channel = record.channel.rawValue
        receivedAt = record.receivedAt
        deprecatedID = record.deprecatedID
        replaces = record.replacesInstanceID
        replacedBy = record.replacedByInstanceID
        sha256 = record.contentDigest
        values = record.values.map {
            Value(position: $0.position, record: $0.record, parentPosition: $0.parentPosition, path: $0.path, type: $0.type.rawValue,
                  text: $0.text, number: $0.number)
        }
        findings = record.findings
        attachments = record.attachments
    }

    enum CodingKeys: String, CodingKey {
        case id, instanceID = "instance_id", formVersion = "form_version", channel, receivedAt = "received_at",
             deprecatedID = "deprecated_id", replaces, replacedBy = "replaced_by", sha256, values, findings, attachments
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(instanceID, forKey: .instanceID)
        try container.encode(formVersion, forKey: .formVersion)
        try container.encode(channel, forKey: .channel)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(deprecatedID, forKey: .deprecatedID)
        try container.encode(replaces, forKey: .replaces)
        try container.encode(replacedBy, forKey: .replacedBy)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(values, forKey: .values)
        try container.encode(findings, forKey: .findings)
        try container.encode(attachments, forKey: .attachments)
    }
}
