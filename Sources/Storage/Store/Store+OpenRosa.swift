import Forms
import Foundation
import SQLKit

/// OpenRosa submissions: the raw XML byte for byte, its typed values, findings and attachments,
/// all written in one transaction, so a 201 is only ever sent for a submission that is whole.
extension Store {
    /// Stores a submission from ODK Collect, or recognises a resend of one.
    ///
    /// - Same instance ID, same bytes: a resend. Nothing is rewritten; attachments not stored yet
    ///   are added (Collect sends a large submission's files in several POSTs of the same XML).
    /// - Same instance ID, different bytes: refused with `StorageError.conflict`; nothing changes.
    /// - A `deprecatedID`: an edit. Both are kept; the new one points to the one it replaces.
    public func storeOpenRosaSubmission(_ submission: OpenRosaSubmission) async throws -> OpenRosaReceipt {
        do {
            return try await transaction { db in try await Self.store(db, submission) }
        } catch let error as StorageError {
            throw error
        } catch {
            // Another process stored the same instance at the same moment; now it is there, so
            // the second attempt is a resend (attachments added) or a conflict, as it should be.
            guard try await read({ db in try await Self.existing(db, formPK: submission.form.formPK, instanceID: submission.instanceID) }) != nil
            else { throw error }
            return try await transaction { db in try await Self.store(db, submission) }
        }
    }

    private static func store(_ db: any SQLDatabase, _ submission: OpenRosaSubmission) async throws -> OpenRosaReceipt {
        let form = submission.form
        let expected = Set(submission.flattened.attachmentNames)
        if let existing = try await existing(db, formPK: form.formPK, instanceID: submission.instanceID) {
            guard existing.digest == submission.contentDigest else {
                throw StorageError.conflict("A different submission with the instance ID \(submission.instanceID) is already stored for the form "
                    + "'\(form.formID)'. Nothing was changed. If this is an edit, it needs a new instance ID with meta/deprecatedID.")
            }
            let stored = Set(try await db.raw("SELECT name FROM submission_attachments WHERE submission_id = \(bind: existing.id)").all()
                .map { try $0.decode(column: "name", as: String.self) })
            let new = submission.attachments.filter { !stored.contains($0.name) }
            let firstPosition = try await db.raw("SELECT COALESCE(MAX(position), -1) + 1 AS next FROM submission_findings WHERE submission_id = \(bind: existing.id)")
                .first()?.decode(column: "next", as: Int.self) ?? 0
            for attachment in uniqueByName(new) {
                try await insert(db, attachment: attachment, submissionID: existing.id)
            }
            try await insert(db, findings: uniqueByName(new).filter { !expected.contains($0.name) }.map(unexpected), from: firstPosition,
                             submissionID: existing.id)
            if !new.isEmpty {
                try await audit(db, actorID: submission.submittedBy, projectID: form.projectID, action: "submission.attachments.added",
                                subject: "\(form.formID) \(submission.instanceID): \(new.map(\.name).joined(separator: ", "))")
            }
            return OpenRosaReceipt(id: existing.id, instanceID: submission.instanceID, wasAlreadyStored: true, attachmentsAdded: uniqueByName(new).count)
        }

        var findings = submission.flattened.findings
        var replacesID: String?
        if let deprecatedID = submission.deprecatedID {
            replacesID = try await existing(db, formPK: form.formPK, instanceID: deprecatedID)?.id
            if let replacesID, let later = try await db.raw("SELECT instance_id FROM submissions WHERE replaces_id = \(bind: replacesID)").first() {
                let laterID = try later.decode(column: "instance_id", as: String.self)
                findings.append(InstanceFinding(path: "/meta/deprecatedID", kind: .metadata,
                    message: "This edits \(deprecatedID), which the edit \(laterID) had already replaced; both edits are kept."))
            }
            if replacesID == nil {
                findings.append(InstanceFinding(path: "/meta/deprecatedID", kind: .metadata,
                    message: "This edits the submission \(deprecatedID), which is not stored here; it is kept as a new submission."))
            }
        }
        let attachments = uniqueByName(submission.attachments)
        findings += attachments.filter { !expected.contains($0.name) }.map(unexpected)

        let id = newArrivalID()
        try await db.raw("""
            INSERT INTO submissions (id, project_id, form_pk, form_version_id, instance_id, channel, submitted_by, received_at, payload,
                                     raw_xml, content_digest, deprecated_id, replaces_id, app_user_id)
            VALUES (\(bind: id), \(bind: form.projectID), \(bind: form.formPK), \(bind: form.versionID), \(bind: submission.instanceID),
                    \(bind: SubmissionChannel.openrosa.rawValue), \(bind: submission.submittedBy), \(bind: Timestamp.now()), '',
                    \(bind: submission.raw), \(bind: submission.contentDigest), \(bind: submission.deprecatedID), \(bind: replacesID),
                    \(bind: submission.appUserID))
            """).run()
        for chunk in chunks(submission.flattened.values, of: 200) {
            let insert = db.insert(into: "instance_values")
                .columns("submission_id", "position", "record", "parent_position", "field_path", "xform_type", "text_value", "number_value")
            for value in chunk {
                insert.values([SQLBind(id), SQLBind(value.position), SQLBind(value.record), SQLBind(value.parentPosition),
                               SQLBind(value.path), SQLBind(value.type.rawValue), SQLBind(value.text), SQLBind(value.number)] as [any SQLExpression])
            }
            try await insert.run()
        }
        // The answers indicators read (the web-form model's top-level questions), as for JSON submissions.
        try await insert(db, answers: submission.form.questionnaire?.answers(from: submission.flattened.values) ?? [], submissionID: id)
        try await insert(db, findings: findings, from: 0, submissionID: id)
        for attachment in attachments {
            try await insert(db, attachment: attachment, submissionID: id)
        }
        try await audit(db, actorID: submission.submittedBy, projectID: form.projectID,
                        action: replacesID == nil ? "submission.received" : "submission.edited",
                        subject: "\(form.formID) \(submission.instanceID)" + (submission.deprecatedID.map { " replaces \($0)" } ?? ""))
        return OpenRosaReceipt(id: id, instanceID: submission.instanceID, wasAlreadyStored: false, attachmentsAdded: attachments.count)
    }

    private static func existing(_ db: any SQLDatabase, formPK: String, instanceID: String) async throws -> (id: String, digest: String?)? {
        guard let row = try await db.raw("""
            SELECT id, content_digest FROM submissions WHERE form_pk = \(bind: formPK) AND instance_id = \(bind: instanceID)
            """).first() else { return nil }
        return (try row.decode(column: "id", as: String.self), try row.decode(column: "content_digest", as: String?.self))
    }

    private static func insert(_ db: any SQLDatabase, attachment: SubmissionAttachment, submissionID: String) async throws {
        try await db.raw("""
            INSERT INTO submission_attachments (submission_id, name, content_type, content, md5, received_at)
            VALUES (\(bind: submissionID), \(bind: attachment.name), \(bind: attachment.contentType), \(bind: attachment.content),
                    \(bind: attachment.md5), \(bind: Timestamp.now()))
            """).run()
    }

    /// Findings numbered from `first`, in one statement per 200.
    private static func insert(_ db: any SQLDatabase, findings: [InstanceFinding], from first: Int, submissionID: String) async throws {
        for chunk in chunks(Array(findings.enumerated()), of: 200) {
            let insert = db.insert(into: "submission_findings").columns("submission_id", "position", "path", "kind", "message")
            for (offset, finding) in chunk {
                insert.values([SQLBind(submissionID), SQLBind(first + offset), SQLBind(finding.path), SQLBind(finding.kind.rawValue),
                               SQLBind(finding.message)] as [any SQLExpression])
            }
            try await insert.run()
        }
    }

    private static func unexpected(_ attachment: SubmissionAttachment) -> InstanceFinding {
        InstanceFinding(path: attachment.name, kind: .unexpectedAttachment,
                        message: "The attachment '\(attachment.name)' is not named by any answer; it is kept.")
    }

    /// The first of each name: a POST naming one file twice keeps the first copy.
    private static func uniqueByName(_ attachments: [SubmissionAttachment]) -> [SubmissionAttachment] {
        var seen = Set<String>()
        return attachments.filter { seen.insert($0.name).inserted }
    }

    // MARK: Reading

    /// The XML of a submission exactly as it was received; nil when there is no such submission
    /// or it did not come through OpenRosa.
    public func rawSubmissionXML(formPK: String, instanceID: String) async throws -> Data? {
        try await read { db in
            try await db.raw("SELECT raw_xml FROM submissions WHERE form_pk = \(bind: formPK) AND instance_id = \(bind: instanceID)")
                .first()?.decode(column: "raw_xml", as: Data?.self)
        }
    }

    /// One attachment of a submission, with its bytes.
    public func submissionAttachment(formPK: String, instanceID: String, name: String) async throws -> SubmissionAttachment? {
        try await read { db in
            try await db.raw("""
                SELECT a.name AS name, a.content_type AS content_type, a.content AS content, a.md5 AS md5
                FROM submission_attachments a JOIN submissions s ON s.id = a.submission_id
                WHERE s.form_pk = \(bind: formPK) AND s.instance_id = \(bind: instanceID) AND a.name = \(bind: name)
                """).first().map { row in
                SubmissionAttachment(name: try row.decode(column: "name", as: String.self),
                                     contentType: try row.decode(column: "content_type", as: String.self),
                                     content: try row.decode(column: "content", as: Data.self),
                                     md5: try row.decode(column: "md5", as: String.self))
            }
        }
    }

    /// A submission with its typed values, findings and attachment list.
    public func submissionRecord(formPK: String, instanceID: String) async throws -> SubmissionRecord? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT s.id AS id, s.instance_id AS instance_id, v.version AS version, s.channel AS channel, s.received_at AS received_at,
                       s.deprecated_id AS deprecated_id, s.content_digest AS content_digest,
                       r.instance_id AS replaces_instance_id,
                       (SELECT MIN(n.instance_id) FROM submissions n WHERE n.replaces_id = s.id) AS replaced_by
                FROM submissions s JOIN form_versions v ON v.id = s.form_version_id
                LEFT JOIN submissions r ON r.id = s.replaces_id
                WHERE s.form_pk = \(bind: formPK) AND s.instance_id = \(bind: instanceID)
                """).first() else { return nil }
            let id = try row.decode(column: "id", as: String.self)
            let values = try await db.raw("""
                SELECT position, record, parent_position, field_path, xform_type, text_value, number_value
                FROM instance_values WHERE submission_id = \(bind: id) ORDER BY position
                """).all().map { value in
                InstanceValue(position: try value.decode(column: "position", as: Int.self),
                              record: try value.decode(column: "record", as: String.self),
                              parentPosition: try value.decode(column: "parent_position", as: Int?.self),
                              path: try value.decode(column: "field_path", as: String.self),
                              type: InstanceValueType(rawValue: try value.decode(column: "xform_type", as: String.self)) ?? .unknown,
                              text: try value.decode(column: "text_value", as: String.self),
                              number: try value.decode(column: "number_value", as: Double?.self))
            }
            let findings = try await db.raw("SELECT path, kind, message FROM submission_findings WHERE submission_id = \(bind: id) ORDER BY position")
                .all().map { finding in
                    InstanceFinding(path: try finding.decode(column: "path", as: String.self),
                                    kind: InstanceFinding.Kind(rawValue: try finding.decode(column: "kind", as: String.self)) ?? .metadata,
                                    message: try finding.decode(column: "message", as: String.self))
                }
            let attachments = try await db.raw("""
                SELECT name, content_type, LENGTH(content) AS size, md5 FROM submission_attachments WHERE submission_id = \(bind: id) ORDER BY name
                """).all().map { attachment in
                AttachmentSummary(name: try attachment.decode(column: "name", as: String.self),
                                  contentType: try attachment.decode(column: "content_type", as: String.self),
                                  size: try attachment.decode(column: "size", as: Int.self),
                                  md5: try attachment.decode(column: "md5", as: String.self))
            }
            return SubmissionRecord(
                id: id, instanceID: try row.decode(column: "instance_id", as: String.self),
                formVersion: try row.decode(column: "version", as: String.self),
                channel: SubmissionChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .api,
                receivedAt: try row.decode(column: "received_at", as: String.self),
                deprecatedID: try row.decode(column: "deprecated_id", as: String?.self),
                replacesInstanceID: try row.decode(column: "replaces_instance_id", as: String?.self),
                replacedByInstanceID: try row.decode(column: "replaced_by", as: String?.self),
                contentDigest: try row.decode(column: "content_digest", as: String?.self),
                values: values, findings: findings, attachments: attachments)
        }
    }
}
