import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The embedded default: one database file in WAL mode, with `synchronous = FULL` so that a
/// submission acknowledged to a collector survives a crash of the process or the machine.
/// One connection serves the process; callers take turns on it.
final class SQLiteEngine: SQLEngine {
    let kind = EngineKind.sqlite
    private let connection: SQLiteConnection
    private let access = SerialAccess()
    private let closed = Mutex(false)

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    static func open(directory: String, logger: Logger) async throws -> SQLiteEngine {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError.cannotOpen("cannot create the data directory \(directory): \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent(DatabaseLocation.sqliteFileName)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StorageError.cannotOpen("cannot open the SQLite database \(path): \(error)")
        }
        let engine = SQLiteEngine(connection: connection)
        let db = connection.sql()
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                       "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
            try await db.raw(SQLQueryString(pragma)).run()
        }
        return engine
    }

    func withSession<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await access.run {
            guard !closed.withLock({ $0 }) else { throw StorageError.unreachable("the database has been closed") }
            return try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    /// Safe to call more than once: only the first call closes the connection.
    func close() async {
        let alreadyClosed = closed.withLock { value in
            defer { value = true }
            return value
        }
        guard !alreadyClosed else { return }
        try? await access.run {
            // Folds the write-ahead log into the database file so the directory is one tidy file.
            try? await connection.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try await connection.close()
        }
    }
}
