import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The embedded default: one database file in WAL mode, with `synchronous = FULL` so that a
/// submission acknowledged to a collector survives a crash of the process or the machine.
/// One connection writes; callers take turns on it, and concurrent write transactions share one
/// COMMIT (group commit, see `GroupCommit`) so that the fsync each COMMIT costs is paid once per
/// batch rather than once per submission. A second, read-only connection serves reads, which in
/// WAL mode see every committed transaction without waiting for a batch to reach the disk.
final class SQLiteEngine: SQLEngine {
    let kind = EngineKind.sqlite
    private let connection: SQLiteConnection
    private let reader: SQLiteConnection
    private let access = SerialAccess()
    private let readAccess = SerialAccess()
    private let group = GroupCommit()
    private let closed = Mutex(false)

    private init(connection: SQLiteConnection, reader: SQLiteConnection) {
        self.connection = connection
        self.reader = reader
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
        let reader: SQLiteConnection
        do {
            // WAL first: the reader then opens a database already in WAL mode.
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                           "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
                try await connection.sql().raw(SQLQueryString(pragma)).run()
            }
            reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            try? await connection.close()
            throw StorageError.cannotOpen("cannot open the SQLite database \(path): \(error)")
        }
        do {
            for pragma in ["PRAGMA busy_timeout = 10000", "PRAGMA query_only = ON"] {
                try await reader.sql().raw(SQLQueryString(pragma)).run()
            }
        } catch {
            try? await reader.close()
            try? await connection.close()
            throw StorageError.cannotOpen("cannot open the SQLite database \(path) for reading: \(error)")
        }
        return SQLiteEngine(connection: connection, reader: reader)
    }

    /// Reads, on the read-only connection: they see what is committed and never wait for a write.
    func withSession<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await readAccess.run {
            guard !closed.withLock({ $0 }) else { throw StorageError.unreachable("the database has been closed") }
            return try await body(reader.sql(queryLogLevel: .trace))
        }
    }

    /// Runs `body` inside its own savepoint of a shared `BEGIN IMMEDIATE … COMMIT` (a body alone
    /// in its batch needs none: the transaction is its own). A body that throws is rolled back
    /// to its savepoint alone; the caller returns only after the batch's
    /// COMMIT returned, with its own result, or with the COMMIT's error if that failed.
    func withTransaction<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let (opensBatch, closesBatch): (Bool, Bool)
        switch await group.takeTurn() {
        case .refused(let error): throw error
        case .run(let opens, let closes): (opensBatch, closesBatch) = (opens, closes)
        }
        let db = SQLiteWriterDatabase(connection: connection, queryLogLevel: .trace)
        if opensBatch {
            // The batch holds the connection from BEGIN to COMMIT; reads wait between batches.
            await access.acquire()
            if closed.withLock({ $0 }) {
                let error = StorageError.unreachable("the database has been closed")
                await access.release()
                await group.abandonBatch(error, refuseRest: true)
                throw error
            }
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
            } catch {
                await access.release()
                await group.abandonBatch(error, refuseRest: false)
                throw error
            }
        }

        var outcome: Result<R, any Error>
        if opensBatch && closesBatch {
            // Alone in its batch: no savepoint; a failing body rolls back the whole transaction.
            do {
                outcome = .success(try await body(db))
            } catch {
                try? await db.raw("ROLLBACK").run()
                await access.release()
                await group.finishBatch(nil)
                throw error
            }
        } else {
            do {
                try await db.raw("SAVEPOINT counted_member").run()
                do {
                    outcome = .success(try await body(db))
                } catch {
                    outcome = .failure(error)
                    try await db.raw("ROLLBACK TO counted_member").run()
                }
                try await db.raw("RELEASE counted_member").run()
            } catch {
                // The transaction is in an unknown state: undo the whole batch; the members that
                // already ran hear this error, the others try again in the next batch.
                try? await db.raw("ROLLBACK").run()
                await access.release()
                await group.abandonBatch(error, refuseRest: false)
                throw error
            }
        }

        let commitError: (any Error)?
        if closesBatch {
            do {
                try await db.raw("COMMIT").run()
                commitError = nil
            } catch {
                try? await db.raw("ROLLBACK").run()
                commitError = error
            }
            await access.release()
            await group.finishBatch(commitError)
        } else {
            commitError = await group.waitForCommit()
        }
        if let commitError { throw commitError }
        return try outcome.get()
    }

    /// Safe to call more than once: only the first call closes the connection.
    func close() async {
        let alreadyClosed = closed.withLock { value in
            defer { value = true }
            return value
        }
        guard !alreadyClosed else { return }
        try? await readAccess.run { try await reader.close() }
        try? await access.run {
            // Folds the write-ahead log into the database file so the directory is one tidy file.
            try? await connection.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try await connection.close()
        }
    }
}
