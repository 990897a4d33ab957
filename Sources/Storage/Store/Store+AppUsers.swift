import Accounts
import SQLKit

/// App users: per-project collector tokens for ODK Collect (ODK Central's model). Only the
/// token's SHA-256 digest is kept, as for API tokens.
extension Store {
    public func createAppUser(projectID: String, name: String, digest: String, createdBy: String?) async throws -> AppUser {
        let appUser = AppUser(id: Self.newID(), projectID: projectID, name: name, createdAt: Timestamp.now())
        try await transaction { db in
            try await db.raw("""
                INSERT INTO app_users (id, project_id, name, digest, created_by, created_at)
                VALUES (\(bind: appUser.id), \(bind: projectID), \(bind: name), \(bind: digest), \(bind: createdBy), \(bind: appUser.createdAt))
                """).run()
            try await Self.audit(db, actorID: createdBy, projectID: projectID, action: "app_user.created", subject: name)
        }
        return appUser
    }

    /// The app user a token belongs to, unless it was revoked.
    public func appUser(tokenDigest: String) async throws -> AppUser? {
        try await read { db in
            try await db.raw("""
                SELECT id, project_id, name, created_at, revoked_at FROM app_users WHERE digest = \(bind: tokenDigest) AND revoked_at IS NULL
                """).first().map(Self.appUser)
        }
    }

    /// The project and the unrevoked app user of a token in one query, as every OpenRosa
    /// request with a token in its path needs; nil when either is missing or they do not match.
    public func project(slug: String, appUserTokenDigest digest: String) async throws -> (project: Project, appUser: AppUser)? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: Self.projectColumns), a.id AS app_user_id, a.name AS app_user_name, a.created_at AS app_user_created_at
                FROM projects JOIN app_users a ON a.project_id = projects.id
                WHERE projects.slug = \(bind: slug) AND a.digest = \(bind: digest) AND a.revoked_at IS NULL
                """).first() else { return nil }
            let project = try Self.project(row)
            return (project, AppUser(id: try row.decode(column: "app_user_id", as: String.self), projectID: project.id,
                                     name: try row.decode(column: "app_user_name", as: String.self),
                                     createdAt: try row.decode(column: "app_user_created_at", as: String.self), revokedAt: nil))
        }
    }

    public func appUsers(projectID: String) async throws -> [AppUser] {
        try await read { db in
            try await db.raw("""
                SELECT id, project_id, name, created_at, revoked_at FROM app_users WHERE project_id = \(bind: projectID) ORDER BY created_at, id
                """).all().map(Self.appUser)
        }
    }

    /// Stops an app user's token from working; its submissions stay. Returns false when there is no such app user.
    public func revokeAppUser(projectID: String, id: String, revokedBy: String?) async throws -> Bool {
        try await transaction { db in
            guard let row = try await db.raw("SELECT name FROM app_users WHERE project_id = \(bind: projectID) AND id = \(bind: id) AND revoked_at IS NULL")
                .first() else { return false }
            try await db.raw("UPDATE app_users SET revoked_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)").run()
            try await Self.audit(db, actorID: revokedBy, projectID: projectID, action: "app_user.revoked",
                                 subject: try row.decode(column: "name", as: String.self))
            return true
        }
    }

    static func appUser(_ row: any SQLRow) throws -> AppUser {
        AppUser(id: try row.decode(column: "id", as: String.self), projectID: try row.decode(column: "project_id", as: String.self),
                name: try row.decode(column: "name", as: String.self), createdAt: try row.decode(column: "created_at", as: String.self),
                revokedAt: try row.decode(column: "revoked_at", as: String?.self))
    }
}
