import SQLKit

/// The one thing the Store needs from a database engine: a session (one connection, used by
/// one caller at a time) on which a series of queries, such as a transaction, can run.
/// Every query itself is written once, in SQL both engines understand.
protocol SQLEngine: Sendable {
    var kind: EngineKind { get }
    func withSession<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
}

/// The engines, for the few statements that differ between them (how a transaction takes its lock).
public enum EngineKind: String, Sendable, CaseIterable {
    case sqlite, postgres

    /// SQLite takes the write lock up front so that two writers never deadlock on an upgrade.
    var beginTransaction: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }

    /// The column type for byte strings (raw submissions, attachments, media).
    var bytesType: String {
        switch self {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }
}
