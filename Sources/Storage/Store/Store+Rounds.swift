import Foundation
import SQLKit

/// Rounds (waves of collection) and the act of publishing one: the results as published are
/// stored with the publication, so pages and downloads show exactly what was released.
extension Store {
    /// Adds the project's next round. Windows of one project may not overlap: a submission
    /// belongs to one round at most.
    public func createRound(projectID: String, label: String, period: String, receivedFrom: Date, receivedUntil: Date,
                            actorID: String?) async throws -> Round {
        guard receivedFrom < receivedUntil else {
            throw StorageError.conflict("A round's window must end after it starts; nothing was changed.")
        }
        let trimmedPeriod = period.trimmingCharacters(in: .whitespaces)
        guard !trimmedPeriod.isEmpty, trimmedPeriod.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw StorageError.conflict("The period '\(period)' is not a period such as 2025, 2025-Q1 or 2025-03; nothing was changed.")
        }
        return try await transaction { db in
            let existing = try await Self.rounds(db, projectID: projectID)
            if let overlapping = existing.first(where: { $0.receivedFrom < receivedUntil && receivedFrom < $0.receivedUntil }) {
                throw StorageError.conflict("The window overlaps round \(overlapping.number) (\(overlapping.label)): a submission can "
                    + "belong to one round only. Nothing was changed.")
            }
            let number = (existing.map(\.number).max() ?? 0) + 1
            let round = Round(id: Self.newID(), projectID: projectID, number: number, label: label.isEmpty ? "Round \(number)" : label,
                              period: trimmedPeriod, receivedFrom: receivedFrom, receivedUntil: receivedUntil)
            try await db.raw("""
                INSERT INTO rounds (id, project_id, number, label, period, received_from, received_until, created_by, created_at)
                VALUES (\(bind: round.id), \(bind: projectID), \(bind: round.number), \(bind: round.label), \(bind: round.period),
                        \(bind: Timestamp.string(receivedFrom)), \(bind: Timestamp.string(receivedUntil)), \(bind: actorID), \(bind: Timestamp.now()))
                """).run()
            try await Self.audit(db, actorID: actorID, projectID: projectID, action: "round.created",
                                 subject: "round \(round.number) (\(round.label), \(round.period))")
            return round
        }
    }

    /// The project's rounds, first first, each with its publication if it has one.
    public func rounds(projectID: String) async throws -> [Round] {
        try await read { db in try await Self.rounds(db, projectID: projectID) }
    }

    public func round(projectID: String, number: Int) async throws -> Round? {
        try await rounds(projectID: projectID).first { $0.number == number }
    }

    static func rounds(_ db: any SQLDatabase, projectID: String) async throws -> [Round] {
        try await db.raw("""
            SELECT r.id AS id, r.number AS number, r.label AS label, r.period AS period, r.received_from AS received_from,
                   r.received_until AS received_until, p.published_at AS published_at, p.published_by AS published_by,
                   p.embargo_until AS embargo_until
            FROM rounds r LEFT JOIN publications p ON p.round_id = r.id
            WHERE r.project_id = \(bind: projectID) ORDER BY r.number
            """).all().map { row in
            func date(_ column: String) throws -> Date {
                let text = try row.decode(column: column, as: String.self)
                guard let date = Timestamp.date(text) else { throw StorageError.corrupt("the time '\(text)' of a round") }
                return date
            }
            var publication: Publication?
            if let at = try row.decode(column: "published_at", as: String?.self), let publishedAt = Timestamp.date(at) {
                publication = Publication(publishedAt: publishedAt, publishedBy: try row.decode(column: "published_by", as: String?.self),
                                          embargoUntil: try row.decode(column: "embargo_until", as: String?.self).flatMap(Timestamp.date))
            }
            return Round(id: try row.decode(column: "id", as: String.self), projectID: projectID,
                         number: try row.decode(column: "number", as: Int.self), label: try row.decode(column: "label", as: String.self),
                         period: try row.decode(column: "period", as: String.self), receivedFrom: try date("received_from"),
                         receivedUntil: try date("received_until"), publication: publication)
        }
    }

    /// Publishes a round with its results as they are to be shown (already protected), or
    /// publishes it again with new results. Recorded in the audit log.
    public func publish(_ round: Round, results: Data, embargoUntil: Date?, actorID: String?) async throws {
        let text = String(decoding: results, as: UTF8.self)
        try await transaction { db in
            try await db.raw("DELETE FROM publications WHERE round_id = \(bind: round.id)").run()
            try await db.raw("""
                INSERT INTO publications (round_id, published_at, published_by, embargo_until, results)
                VALUES (\(bind: round.id), \(bind: Timestamp.now()), \(bind: actorID), \(bind: embargoUntil.map(Timestamp.string)), \(bind: text))
                """).run()
            try await Self.audit(db, actorID: actorID, projectID: round.projectID,
                                 action: round.publication == nil ? "round.published" : "round.republished",
                                 subject: "round \(round.number) (\(round.label))" + (embargoUntil.map { ", embargoed until \(Timestamp.string($0))" } ?? ""))
        }
    }

    /// Withdraws a round from the public. Its results are no longer kept; publishing it again
    /// computes them anew. Recorded in the audit log.
    public func unpublish(_ round: Round, actorID: String?) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM publications WHERE round_id = \(bind: round.id)").run()
            try await Self.audit(db, actorID: actorID, projectID: round.projectID, action: "round.unpublished",
                                 subject: "round \(round.number) (\(round.label))")
        }
    }

    /// The results stored when the round was published, as given to ``publish(_:results:embargoUntil:actorID:)``.
    public func publishedResults(roundID: String) async throws -> Data? {
        try await read { db in
            try await db.raw("SELECT results FROM publications WHERE round_id = \(bind: roundID)").first()
                .map { Data(try $0.decode(column: "results", as: String.self).utf8) }
        }
    }
}
