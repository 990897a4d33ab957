import CountedTestSupport
import Foundation
import SQLKit
import Testing
@testable import Storage

@Suite("Schema migrations")
struct MigrationTests {
    @Test("a new database is migrated to the latest version, and opening it again changes nothing", arguments: TestEngine.allCases)
    func migratesOnceAndIsSafeToRunTwice(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let first = try await Store.open(database.location, logger: TestDatabase.logger)
        #expect(try await first.schemaVersion() == Store.schemaVersion)
        let rowsBefore = try await first.read { db in try await db.raw("SELECT COUNT(*) AS n FROM counted_schema_migrations").first()?.decode(column: "n", as: Int.self) }
        await first.close()

        let second = try await Store.open(database.location, logger: TestDatabase.logger)
        let applied = try await Migrator(migrations: Schema.migrations).migrate(second)
        #expect(applied.isEmpty)
        let rowsAfter = try await second.read { db in try await db.raw("SELECT COUNT(*) AS n FROM counted_schema_migrations").first()?.decode(column: "n", as: Int.self) }
        #expect(rowsBefore == Schema.migrations.count)
        #expect(rowsAfter == rowsBefore)
        await second.close()
        await database.remove()
    }

    @Test("a database written by a newer Counted is refused and left untouched", arguments: TestEngine.allCases)
    func refusesNewerSchema(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        let future = Store.schemaVersion + 5
        try await store.transaction { db in
            try await db.raw("INSERT INTO counted_schema_migrations (version, name, applied_at) VALUES (\(bind: future), 'from the future', 'x')").run()
        }
        await store.close()

        await #expect(throws: StorageError.schemaNewerThanBinary(database: future, binary: Store.schemaVersion)) {
            _ = try await Store.open(database.location, logger: TestDatabase.logger)
        }
        let message = StorageError.schemaNewerThanBinary(database: future, binary: Store.schemaVersion).description
        #expect(message.contains("newer Counted"))

        // Untouched: reading it with the future migration known shows the same rows.
        var known = Schema.migrations
        known.append(Migration(version: future, name: "from the future", statements: []))
        let reopened = try await Store.open(database.location, logger: TestDatabase.logger, migrations: known)
        #expect(try await reopened.schemaVersion() == future)
        await reopened.close()
        await database.remove()
    }

    @Test("a failing migration rolls back every statement of the run", arguments: TestEngine.allCases)
    func failingMigrationRollsBack(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let migrations = [
            Migration(version: 1, name: "good", statements: ["CREATE TABLE first_table (id TEXT PRIMARY KEY)"]),
            Migration(version: 2, name: "bad", statements: ["CREATE TABLE second_table (id TEXT PRIMARY KEY)", "THIS IS NOT SQL"]),
        ]
        await #expect {
            _ = try await Store.open(database.location, logger: TestDatabase.logger, migrations: migrations)
        } throws: { error in
            guard case .migrationFailed(let version, _, _) = error as? StorageError else { return false }
            return version == 2
        }
        // Only the known-good migration now: nothing of the failed run may remain, not even version 1.
        let store = try await Store.open(database.location, logger: TestDatabase.logger, migrations: [])
        let versions = try await store.read { db in
            try await db.raw("SELECT version FROM counted_schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        #expect(versions.isEmpty)
        await #expect(throws: (any Error).self) {
            try await store.read { db in try await db.raw("SELECT id FROM first_table").run() }
        }
        await store.close()
        await database.remove()
    }

    @Test("SQLite keeps its data in ./counted-data style directories, in WAL mode")
    func sqliteUsesWAL() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        let mode = try await store.read { db in try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) }
        #expect(mode == "wal")
        #expect(FileManager.default.fileExists(atPath: database.location.sqliteFilePath ?? "-"))
        await store.close()
        await database.remove()
    }

    @Test("database addresses are read with clear errors")
    func parsesDatabaseAddresses() throws {
        #expect(try DatabaseLocation.parse(nil) == .sqlite(directory: "counted-data"))
        #expect(try DatabaseLocation.parse("sqlite:/tmp/x") == .sqlite(directory: "/tmp/x"))
        guard case .postgres(let address) = try DatabaseLocation.parse("postgres://ana:s%40cret@db.example:6543/counted?sslmode=require") else {
            Issue.record("not postgres")
            return
        }
        #expect(address.username == "ana")
        #expect(address.password == "s@cret")
        #expect(address.port == 6543)
        #expect(address.database == "counted")
        #expect(address.tls == .require)
        #expect(!DatabaseLocation.postgres(address).description.contains("cret"))
        #expect(throws: StorageError.self) { try DatabaseLocation.parse("mysql://x@y/z") }
        #expect(throws: StorageError.self) { try DatabaseLocation.parse("postgres://db.example/counted") }
        let redacted = StorageError.invalidDatabaseURL("postgres://ana:secret@h/d", reason: "r").description
        #expect(!redacted.contains("secret"))
    }
}
