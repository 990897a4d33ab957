import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The writing connection as the store's transactions see it: SQLKit for every statement, and
/// a direct path for the multi-row INSERTs that store submissions (see ``BulkInsert``). The
/// statements of a write transaction run one after another on the single writing connection,
/// so work done there limits how many submissions per second SQLite stores; the direct path
/// binds SQLite values as they are, without serialising an expression or casting each value.
struct SQLiteWriterDatabase: SQLDatabase {
    let connection: SQLiteConnection
    private let sql: any SQLDatabase

    init(connection: SQLiteConnection, queryLogLevel: Logger.Level?) {
        self.connection = connection
        sql = connection.sql(queryLogLevel: queryLogLevel)
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// Runs `text` with `binds` as they are; `onRow` gets the rows it answers.
    func run(_ text: String, _ binds: [SQLiteData] = [], _ onRow: @escaping @Sendable (SQLiteRow) -> Void = { _ in }) async throws {
        try await connection.query(text, binds, onRow)
    }
}
