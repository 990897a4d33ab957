/// One step of the schema. Versions only grow; a released migration is never edited, so
/// every database that ran it has the same tables.
struct Migration: Sendable {
    var version: Int
    var name: String
    /// Portable SQL: both SQLite and PostgreSQL run these statements as written, except for the
    /// one type they spell differently, byte strings, written ``bytes`` and replaced per engine.
    var statements: [String]

    /// Stands for the binary column type in a statement: BLOB on SQLite, BYTEA on PostgreSQL.
    static let bytes = "{{bytes}}"

    /// The statements as `kind` runs them.
    func statements(for kind: EngineKind) -> [String] {
        statements.map { $0.replacingOccurrences(of: Self.bytes, with: kind.bytesType) }
    }
}
