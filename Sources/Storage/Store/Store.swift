import Foundation
import Forms
import Logging
import SQLKit
import Synchronization

/// Everything Counted keeps, behind one interface over two engines. Each query is written once
/// in SQL that SQLite and PostgreSQL both run; what must happen together happens in one
/// transaction, so a failure changes nothing.
public struct Store: Sendable {
    let engine: any SQLEngine
    public let location: DatabaseLocation
    public let logger: Logger
    /// OpenRosa submissions waiting to be written together (see `OpenRosaWriteQueue`).
    let openRosaWrites = OpenRosaWriteQueue()

    public var engineKind: EngineKind { engine.kind }

    /// Opens the database (creating an SQLite data directory on first use) and brings its
    /// schema up to date. Close it with `close()`.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> Store {
        try await open(location, logger: logger, migrations: Schema.migrations)
    }

    static func open(_ location: DatabaseLocation, logger: Logger, migrations: [Migration]) async throws -> Store {
        let engine: any SQLEngine = switch location {
        case .sqlite(let directory): try await SQLiteEngine.open(directory: directory, logger: logger)
        case .postgres(let address): PostgresEngine.open(address, logger: logger)
        }
        let store = Store(engine: engine, location: location, logger: logger)
        do {
            let applied = try await withTimeout(seconds: 30, what: "connecting to \(location)") {
                try await Migrator(migrations: migrations).migrate(store)
            }
            if !applied.isEmpty {
                logger.info("schema migrated", metadata: ["versions": "\(applied)", "database": "\(location)"])
            }
        } catch {
            await engine.close()
            throw error
        }
        return store
    }

    /// Opens, runs `body`, and closes the store whatever happens.
    public static func withStore<R: Sendable>(
        _ location: DatabaseLocation, logger: Logger, _ body: (Store) async throws -> R
    ) async throws -> R {
        let store = try await open(location, logger: logger)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Finishes and closes every connection; with SQLite, folds the write-ahead log into the file.
    public func close() async { await engine.close() }

    /// Answers when the database is reachable (for `/health`).
    public func ping(timeoutSeconds: Double = 3) async throws {
        try await withTimeout(seconds: timeoutSeconds, what: "the health check") {
            try await read { db in try await db.raw("SELECT 1 AS one").run() }
        }
    }

    /// The schema version the database is at.
    public func schemaVersion() async throws -> Int {
        try await read { db in
            let row = try await db.raw("SELECT MAX(version) AS version FROM \(unsafeRaw: Migrator.versionTable)").first()
            return try row?.decode(column: "version", as: Int?.self) ?? 0
        }
    }

    /// The schema version this build of Counted writes.
    public static var schemaVersion: Int { Schema.latestVersion }

    // MARK: - Sessions

    /// Runs queries on one connection without a transaction (reads).
    func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await engine.withSession(body)
    }

    /// Runs `body` in a transaction: all of its writes are kept, or none. It returns only after
    /// the COMMIT (with SQLite, possibly shared with concurrent callers: group commit).
    func transaction<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await engine.withTransaction(body)
    }

    static func newID() -> String { UUID.random().uuidString.lowercased() }

    /// An id that sorts in the order this process made them (microseconds since 1970, kept
    /// strictly increasing, then random hex): it orders submissions received in the same
    /// millisecond, where `received_at` alone would tie.
    static func newArrivalID() -> String {
        let micros = lastArrival.withLock { last in
            last = max(last + 1, Int64(Date().timeIntervalSince1970 * 1_000_000))
            return last
        }
        let random = UInt32.random(in: .min ... .max)
        let digits = String(micros)
        let hex = String(random, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static let lastArrival = Mutex<Int64>(0)
}

/// Runs `body`, or fails with `StorageError.unreachable` once `seconds` have passed.
func withTimeout<R: Sendable>(
    seconds: Double, what: String, _ body: @escaping @Sendable () async throws -> R
) async throws -> R {
    try await withThrowingTaskGroup(of: R?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw StorageError.unreachable("no answer within \(Int(seconds)) s while \(what)")
        }
        return result
    }
}
