import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL for deployments that outgrow one machine: a pool of connections that several
/// stateless `counted serve` processes can point at the same database.
final class PostgresEngine: SQLEngine {
    let kind = EngineKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient) {
        self.client = client
        self.runner = Task { await client.run() }
    }

    static func open(_ address: PostgresAddress, logger: Logger) -> PostgresEngine {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        let tls: PostgresClient.Configuration.TLS = switch address.tls {
        case .disable: .disable
        case .prefer: .prefer(unverified)
        case .require: .require(unverified)
        case .verifyFull: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username,
            password: address.password, database: address.database, tls: tls)
        configuration.options.maximumConnections = 10
        configuration.options.connectTimeout = .seconds(5)
        return PostgresEngine(client: PostgresClient(configuration: configuration, backgroundLogger: logger))
    }

    func withSession<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    /// One transaction per call: the pool lets them run side by side.
    func withTransaction<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await withSession { db in
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        runner.cancel()
        await runner.value
    }
}
