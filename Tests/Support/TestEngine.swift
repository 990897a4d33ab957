import Foundation
import Logging
import PostgresNIO
import Storage

/// The engines every storage test runs against: a real SQLite file and a real PostgreSQL server.
public enum TestEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }
}

/// A fresh, empty database for one test, removed afterwards.
///
/// PostgreSQL comes from `COUNTED_TEST_POSTGRES` (set by scripts/test, which starts a throw-away
/// server). Without it a PostgreSQL test fails with a message saying so: it never skips silently.
public struct TestDatabase: Sendable {
    public let location: DatabaseLocation
    private let cleanUp: @Sendable () async -> Void

    public static let logger: Logger = {
        var logger = Logger(label: "counted.tests")
        logger.logLevel = .warning
        return logger
    }()

    public static func make(_ engine: TestEngine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counted-test-\(UUID().uuidString)").path
            return TestDatabase(location: .sqlite(directory: directory)) {
                try? FileManager.default.removeItem(atPath: directory)
            }
        case .postgres:
            guard let adminURL = ProcessInfo.processInfo.environment["COUNTED_TEST_POSTGRES"], !adminURL.isEmpty else {
                throw TestSetupError("COUNTED_TEST_POSTGRES is not set, so the PostgreSQL half of this test cannot run. "
                    + "Run scripts/test (it starts PostgreSQL), or set COUNTED_TEST_POSTGRES=postgres://USER@HOST:PORT/DB.")
            }
            let admin = try PostgresAddress(url: adminURL)
            let name = "counted_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            try await Self.administer(admin, "CREATE DATABASE \(name)")
            var address = admin
            address.database = String(name)
            return TestDatabase(location: .postgres(address)) {
                try? await Self.administer(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
    }

    /// Runs `body` with a store on a fresh database, closing and removing it afterwards.
    public static func withStore<R: Sendable>(_ engine: TestEngine, _ body: (Store) async throws -> R) async throws -> R {
        let database = try await make(engine)
        do {
            let store = try await Store.open(database.location, logger: logger)
            do {
                let result = try await body(store)
                await store.close()
                await database.remove()
                return result
            } catch {
                await store.close()
                throw error
            }
        } catch {
            await database.remove()
            throw error
        }
    }

    public func remove() async { await cleanUp() }

    /// The `--database` argument that names this database for the `counted` binary.
    public var commandLineURL: String {
        switch location {
        case .sqlite(let directory): "sqlite:\(directory)"
        case .postgres(let address):
            "postgres://\(address.username)\(address.password.map { ":\($0)" } ?? "")@\(address.host):\(address.port)/\(address.database)?sslmode=disable"
        }
    }

    /// Runs one statement on the admin database (CREATE or DROP DATABASE cannot run in a transaction).
    public static func administer(_ address: PostgresAddress, _ sql: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
