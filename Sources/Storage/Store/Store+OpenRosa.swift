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
    ///
    /// Submissions that arrive together are written together (see `OpenRosaWriteQueue`); this
    /// returns once the batch holding this one is committed.
    public func storeOpenRosaSubmission(_ submission: OpenRosaSubmission) async throws -> OpenRosaReceipt {
        var submission = submission
        submission.rows = OpenRosaRows(submission)
        switch await openRosaWrites.submit(submission, to: self) {
        case .success(let receipt):
            return receipt
        case .failure(let error as StorageError):
            throw error
        case .failure(let error):
            // Another process stored the same instance at the same moment; now it is there, so
            // the second attempt is a resend (attachments added) or a conflict, as it should be.
            guard try await read({ db in try await Self.existing(db, formPK: submission.form.formPK, instanceID: submission.instanceID) }) != nil
            else { throw error }
            return try await transaction { db in try await Self.store(db, submission) }
        }
    }

    /// Writes a batch in one transaction. New submissions (no edit, not stored yet, once in the
    /// batch) go in with one multi-row INSERT per table; resends, edits and conflicts go one by
    /// one, each in its own savepoint so that one refusal does not undo the others. If the
    /// transaction fails, each submission is tried again in a transaction of its own.
    func storeOpenRosaBatch(_ batch: [OpenRosaSubmission]) async -> [Result<OpenRosaReceipt, any Error>] {
        do {
            return try await transaction { db in try await Self.store(db, batch: batch) }
        } catch {
            var results: [Result<OpenRosaReceipt, any Error>] = []
            for submission in batch {
                do {
                    results.append(.success(try await transaction { db in try await Self.store(db, submission) }))
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    private static func store(_ db: any SQLDatabase, batch: [OpenRosaSubmission]) async throws -> [Result<OpenRosaReceipt, any Error>] {
        var seen = Set<String>()
        var new: [Int] = []
        var oneByOne: [Int] = []
        for (index, submission) in batch.enumerated() {
            if submission.deprecatedID == nil, seen.insert(submission.form.formPK + "\u{0}" + submission.instanceID).inserted {
                new.append(index)
            } else {
                oneByOne.append(index)
            }
        }
        var results = [Result<OpenRosaReceipt, any Error>?](repeating: nil, count: batch.count)
        // Resends (their instance ID is stored already) are skipped by the INSERT and handled one
        // by one below. If these INSERTs fail (a database error), the whole transaction is given
        // up and every submission of the batch is tried again on its own.
        let receipts = try await insertNew(db, new.map { NewSubmission(submission: batch[$0]) })
        for (index, receipt) in zip(new, receipts) {
            if let receipt { results[index] = .success(receipt) } else { oneByOne.append(index) }
        }
        for index in oneByOne.sorted() {
            try await db.raw("SAVEPOINT counted_one").run()
            do {
                results[index] = .success(try await store(db, batch[index]))
                try await db.raw("RELEASE counted_one").run()
            } catch {
                try await db.raw("ROLLBACK TO counted_one").run()
                try await db.raw("RELEASE counted_one").run()
                results[index] = .failure(error)
            }
        }
        return results.map { $0 ?? .failure(StorageError.corrupt("a submission of a batch was neither stored nor refused")) }
    }

    /// A submission not stored yet, with what storing it adds: the stored submission it edits and
    /// findings about that edit.
    struct NewSubmission {
        var submission: OpenRosaSubmission
        var replacesID: String? = nil
        var editFindings: [InstanceFinding] = []
    }

    /// New submissions, none stored yet: one multi-row INSERT per table (in chunks under the
    /// engines' limits on bound values).
    private static func insertNew(_ db: any SQLDatabase, _ candidates: [NewSubmission]) async throws -> [OpenRosaReceipt?] {
        let candidateIDs = candidates.map { _ in newArrivalID() }
        let now = Timestamp.now()
        var inserted = Set<String>()
        for chunk in chunks(Array(zip(candidateIDs, candidates)), of: 50) {
            var insert = BulkInsert(into: "submissions", columns: [
                "id", "project_id", "form_pk", "form_version_id", "instance_id", "channel", "submitted_by", "received_at", "payload",
                "raw_xml", "content_digest", "deprecated_id", "replaces_id", "app_user_id"])
            insert.skippingConflictsOn = ["form_pk", "instance_id"]
            for (id, item) in chunk {
                let (submission, form) = (item.submission, item.submission.form)
                insert.append([.text(id), .text(form.projectID), .text(form.formPK), .text(form.versionID), .text(submission.instanceID),
                               .text(SubmissionChannel.openrosa.rawValue), SQLValue(submission.submittedBy),
                               .text(submission.receivedAt.map(Timestamp.string) ?? now), .text(""),
                               .blob(submission.raw), .text(submission.contentDigest), SQLValue(submission.deprecatedID),
                               SQLValue(item.replacesID), SQLValue(submission.appUserID)])
            }
            inserted.formUnion(try await insert.run(on: db, returning: "id"))
        }
        // Those whose instance ID was already stored were skipped: they are not new.
        let stored = zip(candidateIDs, candidates).filter { inserted.contains($0.0) }
        let (ids, new) = (stored.map(\.0), stored.map(\.1))
        var values = BulkInsert(into: "instance_values", columns: [
            "submission_id", "position", "record", "parent_position", "field_path", "xform_type", "text_value", "number_value"])
        var answers = BulkInsert(into: "answers", columns: ["submission_id", "position", "field", "kind", "text_value", "integer_value"])
        var findings: [(String, Int, InstanceFinding)] = []
        var attachments: [(String, SubmissionAttachment)] = []
        for (id, item) in zip(ids, new) {
            let submission = item.submission
            let rows = submission.rows ?? OpenRosaRows(submission)
            // One statement per 500 rows keeps each under the engines' limits on bound values.
            for row in rows.values {
                values.append(row, after: .text(id))
                if values.rowCount == 500 { try await values.runAndEmpty(on: db) }
            }
            for row in rows.answers {
                answers.append(row, after: .text(id))
                if answers.rowCount == 500 { try await answers.runAndEmpty(on: db) }
            }
            let expected = Set(submission.flattened.attachmentNames)
            let files = uniqueByName(submission.attachments)
            let all = submission.flattened.findings + item.editFindings + files.filter { !expected.contains($0.name) }.map(unexpected)
            findings += all.enumerated().map { (id, $0.offset, $0.element) }
            attachments += files.map { (id, $0) }
        }
        try await values.run(on: db)
        try await answers.run(on: db)
        try await insert(db, findings: findings)
        try await insert(db, attachments: attachments, receivedAt: now)
        for chunk in chunks(new, of: 200) {
            var insert = BulkInsert(into: "audit_log", columns: ["id", "at", "actor_id", "project_id", "action", "subject"])
            for item in chunk {
                let submission = item.submission
                insert.append([.text(newID()), .text(now), SQLValue(submission.submittedBy), .text(submission.form.projectID),
                               .text(item.replacesID == nil ? "submission.received" : "submission.edited"),
                               .text("\(submission.form.formID) \(submission.instanceID)" + (submission.deprecatedID.map { " replaces \($0)" } ?? ""))])
            }
            try await insert.run(on: db)
        }
        return zip(candidateIDs, candidates).map { id, candidate in
            guard inserted.contains(id) else { return nil }
            return OpenRosaReceipt(id: id, instanceID: candidate.submission.instanceID, wasAlreadyStored: false,
                                   attachmentsAdded: uniqueByName(candidate.submission.attachments).count)
        }
    }

    static func store(_ db: any SQLDatabase, _ submission: OpenRosaSubmission) async throws -> OpenRosaReceipt {
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
            try await insert(db, attachments: uniqueByName(new).map { (existing.id, $0) }, receivedAt: Timestamp.now())
            try await insert(db, findings: uniqueByName(new).filter { !expected.contains($0.name) }.map(unexpected).enumerated()
                .map { (existing.id, firstPosition + $0.offset, $0.element) })
            if !new.isEmpty {
                try await audit(db, actorID: submission.submittedBy, projectID: form.projectID, action: "submission.attachments.added",
                                subject: "\(form.formID) \(submission.instanceID): \(new.map(\.name).joined(separator: ", "))")
            }
            return OpenRosaReceipt(id: existing.id, instanceID: submission.instanceID, wasAlreadyStored: true, attachmentsAdded: uniqueByName(new).count)
        }

        var findings: [InstanceFinding] = []
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
        guard let receipt = try await insertNew(db, [NewSubmission(submission: submission, replacesID: replacesID, editFindings: findings)])[0] else {
            // Another server process stored the same instance ID a moment ago.
            throw StorageError.conflict("The submission \(submission.instanceID) was stored by another request at the same moment; "
                + "nothing was changed. Send it again: a resend of the same submission is accepted.")
        }
        return receipt
    }

    static func existing(_ db: any SQLDatabase, formPK: String, instanceID: String) async throws -> (id: String, digest: String?)? {
        guard let row = try await db.raw("""
            SELECT id, content_digest FROM submissions WHERE form_pk = \(bind: formPK) AND instance_id = \(bind: instanceID)
            """).first() else { return nil }
        return (try row.decode(column: "id", as: String.self), try row.decode(column: "content_digest", as: String?.self))
    }

    /// Attachments, each with the id of its submission, in one statement per 50.
    private static func insert(_ db: any SQLDatabase, attachments: [(String, SubmissionAttachment)], receivedAt: String) async throws {
        for chunk in chunks(attachments, of: 50) {
            let insert = db.insert(into: "submission_attachments").columns("submission_id", "name", "content_type", "content", "md5", "received_at")
            for (id, file) in chunk {
                insert.values([SQLBind(id), SQLBind(file.name), SQLBind(file.contentType), SQLBind(file.content), SQLBind(file.md5),
                               SQLBind(receivedAt)] as [any SQLExpression])
            }
            try await insert.run()
        }
    }

    /// Findings, each with the id of its submission and its position there, in one statement per 500.
    private static func insert(_ db: any SQLDatabase, findings: [(String, Int, InstanceFinding)]) async throws {
        for chunk in chunks(findings, of: 500) {
            var insert = BulkInsert(into: "submission_findings", columns: ["submission_id", "position", "path", "kind", "message"])
            for (id, position, finding) in chunk {
                insert.append([.text(id), .integer(position), .text(finding.path), .text(finding.kind.rawValue), .text(finding.message)])
            }
            try await insert.run(on: db)
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
