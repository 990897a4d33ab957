/// One step of the schema. Versions only grow; a released migration is never edited, so
/// every database that ran it has the same tables.
struct Migration: Sendable {
    var version: Int
    var name: String
    /// Portable SQL: both SQLite and PostgreSQL run these statements as written.
    var statements: [String]
}
