import Forms
import Foundation
import SQLKit

/// Submissions: the raw body as received and the typed answers, written in one transaction.
extension Store {
    /// Stores a checked submission. It is on disk (committed) when this returns, so the caller
    /// may then tell the collector it is safe. A second submission with the same instance ID is
    /// recognised and not stored twice.
    public func storeSubmission(
        form: StoredForm, payload: SubmissionPayload, raw: String, channel: SubmissionChannel, submittedBy: String?
    ) async throws -> SubmissionReceipt {
        let instanceID = payload.instanceID ?? "uuid:\(Self.newID())"
        let id = Self.newArrivalID()
        do {
            return try await transaction { db in
                if let existing = try await Self.submission(db, formPK: form.id, instanceID: instanceID) { return existing }
                try await db.raw("""
                    INSERT INTO submissions (id, project_id, form_pk, form_version_id, instance_id, channel, submitted_by, received_at, payload)
                    VALUES (\(bind: id), \(bind: form.projectID), \(bind: form.id), \(bind: form.versionID), \(bind: instanceID),
                            \(bind: channel.rawValue), \(bind: submittedBy), \(bind: Timestamp.now()), \(bind: raw))
                    """).run()
                try await Self.insert(db, answers: payload.answers.enumerated().map { (id, $0.offset, $0.element) })
                try await Self.audit(db, actorID: submittedBy, projectID: form.projectID, action: "submission.received",
                                     subject: "\(form.formID) \(instanceID)")
                return SubmissionReceipt(id: id, instanceID: instanceID, isDuplicate: false)
            }
        } catch {
            // Another process stored the same instance at the same moment: that is a duplicate, not a failure.
            if let existing = try? await read({ db in try await Self.submission(db, formPK: form.id, instanceID: instanceID) }) {
                return existing
            }
            throw error
        }
    }

    private static func submission(_ db: any SQLDatabase, formPK: String, instanceID: String) async throws -> SubmissionReceipt? {
        guard let row = try await db.raw("SELECT id FROM submissions WHERE form_pk = \(bind: formPK) AND instance_id = \(bind: instanceID)").first()
        else { return nil }
        return SubmissionReceipt(id: try row.decode(column: "id", as: String.self), instanceID: instanceID, isDuplicate: true)
    }

    public func submissionCount(formPK: String) async throws -> Int {
        try await read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM submissions WHERE form_pk = \(bind: formPK)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// A page of a form's submissions, oldest first, with their answers.
    public func submissions(formPK: String, limit: Int = 100, offset: Int = 0) async throws -> [StoredSubmission] {
        try await read { db in
            let rows = try await db.raw("""
                SELECT s.id AS id, s.instance_id AS instance_id, v.version AS version, s.channel AS channel,
                       s.submitted_by AS submitted_by, s.received_at AS received_at
                FROM submissions s JOIN form_versions v ON v.id = s.form_version_id
                WHERE s.form_pk = \(bind: formPK) ORDER BY s.received_at, s.id LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all()
            let answers = Dictionary(try await Self.answerLists(db, formPK: formPK, limit: limit, offset: offset)) { first, _ in first }
            return try rows.map { row in
                let id = try row.decode(column: "id", as: String.self)
                return StoredSubmission(
                    id: id, instanceID: try row.decode(column: "instance_id", as: String.self),
                    formVersion: try row.decode(column: "version", as: String.self),
                    channel: SubmissionChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .api,
                    submittedBy: try row.decode(column: "submitted_by", as: String?.self),
                    receivedAt: try row.decode(column: "received_at", as: String.self),
                    answers: answers[id] ?? [])
            }
        }
    }

    /// Every submission's answers to a form (all versions), oldest first: the input of indicators.
    public func answers(formPK: String) async throws -> [[Answer]] {
        try await read { db in try await Self.answerLists(db, formPK: formPK, limit: Int.max, offset: 0).map(\.answers) }
    }

    /// The answers of a page of a form's submissions, in submission order, in one query. The
    /// outer join keeps a submission that has no answers (every question optional and skipped).
    private static func answerLists(
        _ db: any SQLDatabase, formPK: String, limit: Int, offset: Int
    ) async throws -> [(id: String, answers: [Answer])] {
        let rows = try await db.raw("""
            SELECT p.id AS submission_id, a.field AS field, a.kind AS kind, a.text_value AS text_value, a.integer_value AS integer_value
            FROM (SELECT id, received_at FROM submissions WHERE form_pk = \(bind: formPK)
                  ORDER BY received_at, id LIMIT \(bind: limit) OFFSET \(bind: offset)) p
            LEFT JOIN answers a ON a.submission_id = p.id
            ORDER BY p.received_at, p.id, a.position
            """).all()
        var lists: [(id: String, answers: [Answer])] = []
        for row in rows {
            let id = try row.decode(column: "submission_id", as: String.self)
            if lists.last?.id != id { lists.append((id, [])) }
            guard let field = try row.decode(column: "field", as: String?.self) else { continue }
            let value: AnswerValue
            switch try row.decode(column: "kind", as: String.self) {
            case "integer":
                guard let number = try row.decode(column: "integer_value", as: Int?.self) else { throw StorageError.corrupt("answer \(field) has no number") }
                value = .integer(number)
            case "choice": value = .choice(try row.decode(column: "text_value", as: String?.self) ?? "")
            default: value = .text(try row.decode(column: "text_value", as: String?.self) ?? "")
            }
            lists[lists.count - 1].answers.append(Answer(field: field, value: value))
        }
        return lists
    }

    /// Typed answers, each with the id of its submission and its position there, in one
    /// statement per 500.
    static func insert(_ db: any SQLDatabase, answers: [(String, Int, Answer)]) async throws {
        for chunk in chunks(answers, of: 500) {
            var insert = BulkInsert(into: "answers", columns: ["submission_id", "position", "field", "kind", "text_value", "integer_value"])
            for (id, position, answer) in chunk { insert.append(answerRow(answer, at: position), after: .text(id)) }
            try await insert.run(on: db)
        }
    }

    /// A row of `answers` after its first column (the submission's id).
    static func answerRow(_ answer: Answer, at position: Int) -> [SQLValue] {
        let (kind, text, integer) = columns(answer.value)
        return [.integer(position), .text(answer.field), .text(kind), SQLValue(text), SQLValue(integer)]
    }

    /// `items` cut into runs of at most `size`, so a multi-row INSERT stays under the engines' bind limits.
    static func chunks<T>(_ items: [T], of size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    static func columns(_ value: AnswerValue) -> (kind: String, text: String?, integer: Int?) {
        switch value {
        case .text(let text): ("text", text, nil)
        case .choice(let name): ("choice", name, nil)
        case .integer(let number): ("integer", nil, number)
        }
    }
}
