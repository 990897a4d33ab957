import SQLKit
import SQLiteNIO
import Synchronization

/// `INSERT INTO table (columns) VALUES (…), (…), …` for many rows in one statement. On SQLite's
/// writing connection its text is written in one go and its values bound as they are: SQLKit's
/// insert builder makes, serialises and casts an expression per value, which cost more than
/// SQLite's own work when a batch of submissions stores thousands of values, all of it on the
/// one connection that every write waits for.
struct BulkInsert: SQLExpression {
    let table: String
    let columns: [String]
    /// The rows' values, one row after another.
    private(set) var values: [SQLValue] = []
    private(set) var rowCount = 0
    /// Columns of a unique key: a row whose key is already stored is skipped (`ON CONFLICT DO NOTHING`).
    var skippingConflictsOn: [String] = []

    init(into table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append(_ row: [SQLValue]) {
        precondition(row.count == columns.count, "a row of \(table) needs \(columns.count) values")
        values += row
        rowCount += 1
    }

    /// A row whose first value is `first` and the others `rest` (rows made ahead of knowing `first`).
    mutating func append(_ rest: [SQLValue], after first: SQLValue) {
        precondition(rest.count + 1 == columns.count, "a row of \(table) needs \(columns.count) values")
        values.append(first)
        values += rest
        rowCount += 1
    }

    /// The statement as SQLKit writes it for any engine (PostgreSQL); SQLite's writing
    /// connection runs ``sqliteText(returning:)`` instead.
    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO ")
        SQLIdentifier(table).serialize(to: &serializer)
        serializer.write(" (")
        for (index, column) in columns.enumerated() {
            if index > 0 { serializer.write(", ") }
            SQLIdentifier(column).serialize(to: &serializer)
        }
        serializer.write(") VALUES ")
        for (index, value) in values.enumerated() {
            let column = index % columns.count
            serializer.write(column == 0 ? (index > 0 ? ", (" : "(") : ", ")
            serializer.write(bind: value)
            if column == columns.count - 1 { serializer.write(")") }
        }
        writeConflictClause(to: &serializer)
    }

    private func writeConflictClause(to serializer: inout SQLSerializer) {
        guard !skippingConflictsOn.isEmpty else { return }
        serializer.write(" ON CONFLICT (")
        for (index, column) in skippingConflictsOn.enumerated() {
            if index > 0 { serializer.write(", ") }
            SQLIdentifier(column).serialize(to: &serializer)
        }
        serializer.write(") DO NOTHING")
    }

    func run(on db: any SQLDatabase) async throws {
        guard rowCount > 0 else { return }
        if let writer = db as? SQLiteWriterDatabase {
            try await writer.run(sqliteText(returning: nil), sqliteBinds()) { _ in }
        } else {
            try await db.execute(sql: self) { _ in }
        }
    }

    /// Runs the statement, then starts over with no rows.
    mutating func runAndEmpty(on db: any SQLDatabase) async throws {
        try await run(on: db)
        values.removeAll(keepingCapacity: true)
        rowCount = 0
    }

    /// Runs the statement and answers the text `column` of each row it stored (`RETURNING`):
    /// with ``skippingConflictsOn``, the rows that were not skipped.
    func run(on db: any SQLDatabase, returning column: String) async throws -> [String] {
        guard rowCount > 0 else { return [] }
        let stored = StoredColumn()
        if let writer = db as? SQLiteWriterDatabase {
            try await writer.run(sqliteText(returning: column), sqliteBinds()) { row in stored.append(row.column(column)?.string) }
        } else {
            try await db.execute(sql: Returning(insert: self, column: column)) { row in
                stored.append(try? row.decode(column: column, as: String.self))
            }
        }
        return stored.values
    }

    /// The statement as SQLite reads it, with `?` for each value.
    private func sqliteText(returning column: String?) -> String {
        func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var text = "INSERT INTO " + quoted(table) + " (" + columns.map(quoted).joined(separator: ", ") + ") VALUES "
        text.reserveCapacity(text.utf8.count + rowCount * (row.utf8.count + 2) + 64)
        for index in 0..<rowCount {
            if index > 0 { text += ", " }
            text += row
        }
        if !skippingConflictsOn.isEmpty {
            text += " ON CONFLICT (" + skippingConflictsOn.map(quoted).joined(separator: ", ") + ") DO NOTHING"
        }
        if let column { text += " RETURNING " + quoted(column) }
        return text
    }

    private func sqliteBinds() -> [SQLiteData] {
        values.map { $0.sqliteData ?? .null }
    }

    private struct Returning: SQLExpression {
        let insert: BulkInsert
        let column: String

        func serialize(to serializer: inout SQLSerializer) {
            insert.serialize(to: &serializer)
            serializer.write(" RETURNING ")
            SQLIdentifier(column).serialize(to: &serializer)
        }
    }
}

/// The values a `RETURNING` clause sends back, gathered from the rows as they arrive.
private final class StoredColumn: Sendable {
    private let collected = Mutex<[String]>([])

    func append(_ value: String?) {
        guard let value else { return }
        collected.withLock { $0.append(value) }
    }

    var values: [String] { collected.withLock { $0 } }
}
