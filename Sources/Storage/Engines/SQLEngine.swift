import SQLKit

/// The one thing the Store needs from a database engine: a session (one connection, used by
/// one caller at a time) on which a series of queries, such as a transaction, can run.
/// Every query itself is written once, in SQL both engines understand.
protocol SQLEngine: Sendable {
    var kind: EngineKind { get }
    func withSession<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs `body` in a transaction and returns only once its writes are committed (durable),
    /// or throws and keeps none of them. Engines may commit several callers together.
    func withTransaction<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
}

/// The engines, for the few statements that differ between them.
public enum EngineKind: String, Sendable, CaseIterable {
    case sqlite, postgres

    /// The column type for byte strings (raw submissions, attachments, media).
    var bytesType: String {
        switch self {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }
}
