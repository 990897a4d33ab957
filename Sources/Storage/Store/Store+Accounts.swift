import Accounts
import Foundation
import SQLKit

/// Organisations, projects, users, roles and API tokens.
extension Store {
    // MARK: Organisations

    public func createOrganisation(slug: Slug, name: String) async throws -> Organisation {
        let organisation = Organisation(id: Self.newID(), slug: slug.value, name: name)
        try await transaction { db in
            guard try await db.raw("SELECT id FROM organisations WHERE slug = \(bind: slug.value)").first() == nil else {
                throw StorageError.duplicate("An organisation with the address '\(slug)'")
            }
            try await db.raw("""
                INSERT INTO organisations (id, slug, name, created_at)
                VALUES (\(bind: organisation.id), \(bind: organisation.slug), \(bind: name), \(bind: Timestamp.now()))
                """).run()
        }
        return organisation
    }

    public func organisation(slug: String) async throws -> Organisation? {
        try await read { db in
            try await db.raw("SELECT id, slug, name FROM organisations WHERE slug = \(bind: slug)").first().map(Self.organisation)
        }
    }

    public func organisation(id: String) async throws -> Organisation? {
        try await read { db in
            try await db.raw("SELECT id, slug, name FROM organisations WHERE id = \(bind: id)").first().map(Self.organisation)
        }
    }

    static func organisation(_ row: any SQLRow) throws -> Organisation {
        Organisation(id: try row.decode(column: "id", as: String.self),
                     slug: try row.decode(column: "slug", as: String.self),
                     name: try row.decode(column: "name", as: String.self))
    }

    // MARK: Projects

    public func createProject(organisationID: String, slug: Slug, name: String, description: String = "", isPublic: Bool) async throws -> Project {
        let project = Project(id: Self.newID(), organisationID: organisationID, slug: slug.value, name: name,
                              description: description, isPublic: isPublic)
        try await transaction { db in
            guard try await db.raw("SELECT id FROM projects WHERE slug = \(bind: slug.value)").first() == nil else {
                throw StorageError.duplicate("A project with the address '\(slug)'")
            }
            try await db.raw("""
                INSERT INTO projects (id, organisation_id, slug, name, description, is_public, created_at)
                VALUES (\(bind: project.id), \(bind: organisationID), \(bind: project.slug), \(bind: name),
                        \(bind: description), \(bind: isPublic ? 1 : 0), \(bind: Timestamp.now()))
                """).run()
        }
        return project
    }

    public func project(slug: String) async throws -> Project? {
        try await read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.projectColumns) FROM projects WHERE slug = \(bind: slug)").first().map(Self.project)
        }
    }

    /// Public projects, for the home page anyone sees.
    public func publicProjects() async throws -> [Project] {
        try await read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.projectColumns) FROM projects WHERE is_public = 1 ORDER BY name, id").all().map(Self.project)
        }
    }

    /// The projects a signed-in person belongs to, with their role; administrators see all.
    public func projects(of user: User) async throws -> [(project: Project, role: Role?)] {
        try await read { db in
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: Self.projectColumns), m.role AS role FROM projects
                LEFT JOIN memberships m ON m.project_id = projects.id AND m.user_id = \(bind: user.id)
                WHERE m.user_id IS NOT NULL OR \(bind: user.isAdministrator ? 1 : 0) = 1
                ORDER BY name, id
                """).all()
            return try rows.map { row in
                (try Self.project(row), try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)))
            }
        }
    }

    static let projectColumns = """
        projects.id AS id, projects.organisation_id AS organisation_id, projects.slug AS slug, projects.name AS name,
        projects.description AS description, projects.is_public AS is_public
        """

    static func project(_ row: any SQLRow) throws -> Project {
        Project(id: try row.decode(column: "id", as: String.self),
                organisationID: try row.decode(column: "organisation_id", as: String.self),
                slug: try row.decode(column: "slug", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                isPublic: try row.decode(column: "is_public", as: Int.self) != 0)
    }

    // MARK: Users

    public func createUser(email: EmailAddress, name: String, passwordHash: String, isAdministrator: Bool) async throws -> User {
        let user = User(id: Self.newID(), email: email.value, name: name, isAdministrator: isAdministrator)
        try await transaction { db in
            guard try await db.raw("SELECT id FROM users WHERE email = \(bind: email.value)").first() == nil else {
                throw StorageError.duplicate("An account for \(email)")
            }
            try await db.raw("""
                INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
                VALUES (\(bind: user.id), \(bind: user.email), \(bind: name), \(bind: passwordHash),
                        \(bind: isAdministrator ? 1 : 0), \(bind: Timestamp.now()))
                """).run()
        }
        return user
    }

    /// The user and their password hash, for signing in.
    public func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)? {
        try await read { db in
            guard let row = try await db.raw("SELECT \(unsafeRaw: Self.userColumns), password_hash FROM users WHERE email = \(bind: email.value)").first()
            else { return nil }
            return (try Self.user(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    public func user(id: String) async throws -> User? {
        try await read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE id = \(bind: id)").first().map(Self.user)
        }
    }

    public func user(email: EmailAddress) async throws -> User? {
        try await credentials(email: email)?.user
    }

    public func setPassword(userID: String, passwordHash: String) async throws {
        try await transaction { db in
            try await db.raw("UPDATE users SET password_hash = \(bind: passwordHash) WHERE id = \(bind: userID)").run()
        }
    }

    static let userColumns = "users.id AS id, email, users.name AS name, is_admin"

    static func user(_ row: any SQLRow) throws -> User {
        User(id: try row.decode(column: "id", as: String.self),
             email: try row.decode(column: "email", as: String.self),
             name: try row.decode(column: "name", as: String.self),
             isAdministrator: try row.decode(column: "is_admin", as: Int.self) != 0)
    }

    // MARK: Roles

    /// Gives a person a role in a project, replacing any role they had there.
    public func setRole(_ role: Role, userID: String, projectID: String) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM memberships WHERE project_id = \(bind: projectID) AND user_id = \(bind: userID)").run()
            try await db.raw("""
                INSERT INTO memberships (project_id, user_id, role, created_at)
                VALUES (\(bind: projectID), \(bind: userID), \(bind: role.rawValue), \(bind: Timestamp.now()))
                """).run()
        }
    }

    public func role(userID: String, projectID: String) async throws -> Role? {
        try await read { db in
            try await db.raw("SELECT role FROM memberships WHERE project_id = \(bind: projectID) AND user_id = \(bind: userID)")
                .first()?.decode(column: "role", as: String.self)
        }.flatMap(Role.init(rawValue:))
    }

    public func members(projectID: String) async throws -> [(user: User, role: Role)] {
        try await read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns), m.role AS role FROM memberships m JOIN users ON users.id = m.user_id
                WHERE m.project_id = \(bind: projectID) ORDER BY email
                """).all().compactMap { row in
                guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
                return (try Self.user(row), role)
            }
        }
    }

    // MARK: API tokens

    /// Keeps an API token's digest; the token itself is shown to its owner once and never stored.
    public func addAPIToken(userID: String, name: String, digest: String) async throws {
        try await transaction { db in
            try await db.raw("""
                INSERT INTO api_tokens (id, user_id, name, digest, created_at)
                VALUES (\(bind: Self.newID()), \(bind: userID), \(bind: name), \(bind: digest), \(bind: Timestamp.now()))
                """).run()
        }
    }

    public func user(apiTokenDigest digest: String) async throws -> User? {
        try await read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns) FROM api_tokens t JOIN users ON users.id = t.user_id WHERE t.digest = \(bind: digest)
                """).first().map(Self.user)
        }
    }
}
