import Foundation
import SQLKit

/// Small expiring values shared by every server process (browser sessions): kept in the
/// database so that any process behind a proxy can answer any request.
extension Store {
    /// Stores a new value; throws `StorageError.duplicate` when the key is taken.
    public func createValue(_ value: Data, key: String, expiresAt: Date?) async throws {
        try await transaction { db in
            if try await liveValue(db, key: key) != nil { throw StorageError.duplicate("The key") }
            try await db.raw("DELETE FROM key_values WHERE key = \(bind: key)").run()
            try await insertValue(db, value, key: key, expiresAt: expiresAt)
        }
    }

    /// Stores or replaces a value; a nil expiry keeps the one the value had.
    public func setValue(_ value: Data, key: String, expiresAt: Date?) async throws {
        try await transaction { db in
            var expiry = expiresAt
            if expiry == nil, let existing = try await liveValue(db, key: key) { expiry = existing.expiresAt }
            try await db.raw("DELETE FROM key_values WHERE key = \(bind: key)").run()
            try await insertValue(db, value, key: key, expiresAt: expiry)
        }
    }

    public func value(key: String) async throws -> (value: Data, expiresAt: Date?)? {
        try await read { db in try await liveValue(db, key: key) }
    }

    public func removeValue(key: String) async throws {
        try await transaction { db in try await db.raw("DELETE FROM key_values WHERE key = \(bind: key)").run() }
    }

    /// Deletes every expired value; returns how many.
    @discardableResult
    public func removeExpiredValues(now: Date = Date()) async throws -> Int {
        try await transaction { db in
            let cutoff = Timestamp.milliseconds(now)
            let count = try await db.raw("SELECT COUNT(*) AS n FROM key_values WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= \(bind: cutoff)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM key_values WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= \(bind: cutoff)").run()
            return count
        }
    }

    private func liveValue(_ db: any SQLDatabase, key: String) async throws -> (value: Data, expiresAt: Date?)? {
        guard let row = try await db.raw("SELECT value, expires_at_ms FROM key_values WHERE key = \(bind: key)").first() else { return nil }
        let expiry = try row.decode(column: "expires_at_ms", as: Int?.self).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        if let expiry, expiry <= Date() { return nil }
        let text = try row.decode(column: "value", as: String.self)
        return (Data(text.utf8), expiry)
    }

    private func insertValue(_ db: any SQLDatabase, _ value: Data, key: String, expiresAt: Date?) async throws {
        guard let text = String(data: value, encoding: .utf8) else { throw StorageError.corrupt("a value that is not UTF-8 text") }
        try await db.raw("""
            INSERT INTO key_values (key, value, expires_at_ms)
            VALUES (\(bind: key), \(bind: text), \(bind: expiresAt.map(Timestamp.milliseconds)))
            """).run()
    }
}
