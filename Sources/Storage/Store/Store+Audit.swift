import SQLKit

/// The audit log, written in the same transaction as the change it records.
extension Store {
    static func audit(_ db: any SQLDatabase, actorID: String?, projectID: String?, action: String, subject: String) async throws {
        try await db.raw("""
            INSERT INTO audit_log (id, at, actor_id, project_id, action, subject)
            VALUES (\(bind: newID()), \(bind: Timestamp.now()), \(bind: actorID), \(bind: projectID), \(bind: action), \(bind: subject))
            """).run()
    }

    public func recordAudit(actorID: String?, projectID: String?, action: String, subject: String) async throws {
        try await transaction { db in try await Self.audit(db, actorID: actorID, projectID: projectID, action: action, subject: subject) }
    }

    public func auditLog(projectID: String, limit: Int = 200) async throws -> [AuditEntry] {
        try await read { db in
            try await db.raw("""
                SELECT at, actor_id, project_id, action, subject FROM audit_log WHERE project_id = \(bind: projectID)
                ORDER BY at DESC, id DESC LIMIT \(bind: limit)
                """).all().map { row in
                AuditEntry(at: try row.decode(column: "at", as: String.self),
                           actorID: try row.decode(column: "actor_id", as: String?.self),
                           projectID: try row.decode(column: "project_id", as: String?.self),
                           action: try row.decode(column: "action", as: String.self),
                           subject: try row.decode(column: "subject", as: String.self))
            }
        }
    }
}
