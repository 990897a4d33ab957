import Foundation
import SQLKit

/// Brings a database's schema up to this build's version at start-up.
///
/// All pending migrations run in one transaction: a failure leaves the database exactly as it
/// was. Running it again on an up-to-date database changes nothing. On PostgreSQL an advisory
/// lock makes processes starting together take turns; a database written by a newer Counted
/// is refused untouched.
struct Migrator {
    static let versionTable = "counted_schema_migrations"
    /// An arbitrary constant shared by every Counted process: the key of the advisory lock.
    static let advisoryLockKey = 7_318_006_455

    var migrations: [Migration]

    /// Returns the versions applied by this call (empty when the schema was already current).
    func migrate(_ store: Store) async throws -> [Int] {
        let latest = migrations.map(\.version).max() ?? 0
        return try await store.transaction { db in
            if store.engineKind == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
            }
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS \(unsafeRaw: Self.versionTable) (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """).run()
            let applied = try await db.raw("SELECT version FROM \(unsafeRaw: Self.versionTable)").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            let current = applied.max() ?? 0
            if current > latest {
                throw StorageError.schemaNewerThanBinary(database: current, binary: latest)
            }
            let done = Set(applied)
            var ran: [Int] = []
            for migration in migrations.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
                do {
                    for statement in migration.statements(for: store.engineKind) {
                        try await db.raw(SQLQueryString(statement)).run()
                    }
                } catch {
                    throw StorageError.migrationFailed(version: migration.version, name: migration.name, reason: "\(error)")
                }
                try await db.raw("""
                    INSERT INTO \(unsafeRaw: Self.versionTable) (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.now()))
                    """).run()
                ran.append(migration.version)
            }
            return ran
        }
    }
}
