import Frameworks
import SQLKit

/// A project's indicator definitions.
extension Store {
    /// Adds an indicator, or replaces the definition of the one with the same code.
    public func saveIndicator(_ indicator: ProportionIndicator, projectID: String, actorID: String?) async throws {
        let definition = try Self.encode(indicator)
        try await transaction { db in
            let now = Timestamp.now()
            if try await db.raw("SELECT id FROM indicators WHERE project_id = \(bind: projectID) AND code = \(bind: indicator.code)").first() != nil {
                try await db.raw("""
                    UPDATE indicators SET definition = \(bind: definition), updated_at = \(bind: now)
                    WHERE project_id = \(bind: projectID) AND code = \(bind: indicator.code)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO indicators (id, project_id, code, definition, created_at, updated_at)
                    VALUES (\(bind: Self.newID()), \(bind: projectID), \(bind: indicator.code), \(bind: definition), \(bind: now), \(bind: now))
                    """).run()
            }
            try await Self.audit(db, actorID: actorID, projectID: projectID, action: "indicator.saved", subject: indicator.code)
        }
    }

    public func indicators(projectID: String) async throws -> [ProportionIndicator] {
        try await read { db in
            try await db.raw("SELECT definition FROM indicators WHERE project_id = \(bind: projectID) ORDER BY code").all().map {
                try Self.decode(ProportionIndicator.self, from: try $0.decode(column: "definition", as: String.self))
            }
        }
    }
}
