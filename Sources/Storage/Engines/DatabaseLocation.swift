import Foundation

/// Where Counted keeps its data: an embedded SQLite file (the default, zero set-up) or a
/// PostgreSQL server that several `counted serve` processes can share.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// The SQLite database file inside a data directory.
    case sqlite(directory: String)
    case postgres(PostgresAddress)

    /// The database file name inside the data directory.
    public static let sqliteFileName = "counted.sqlite"

    /// Reads `--database` or `COUNTED_DATABASE_URL`: a `postgres://` URL, or a `sqlite:` path to a
    /// data directory (`sqlite:./counted-data`). Nothing given means `./counted-data`.
    public static func parse(_ text: String?) throws(StorageError) -> DatabaseLocation {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .sqlite(directory: "counted-data")
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(try PostgresAddress(url: text))
        }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw .invalidDatabaseURL(text, reason: "the sqlite: address names no directory") }
            return .sqlite(directory: path)
        }
        throw .invalidDatabaseURL(text, reason: "use postgres://USER:PASSWORD@HOST:PORT/DATABASE or sqlite:DIRECTORY")
    }

    public var sqliteFilePath: String? {
        guard case .sqlite(let directory) = self else { return nil }
        return (directory as NSString).appendingPathComponent(Self.sqliteFileName)
    }

    /// Never shows the password.
    public var description: String {
        switch self {
        case .sqlite(let directory): "SQLite in \(directory)/\(Self.sqliteFileName)"
        case .postgres(let address): "PostgreSQL \(address)"
        }
    }
}

/// The parts of a `postgres://` URL.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// As libpq reads `sslmode`: prefer and require encrypt without checking the server's
    /// certificate; verify-full also checks it against the host name.
    public enum TLSMode: String, Sendable { case disable, prefer, require, verifyFull = "verify-full" }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(url text: String) throws(StorageError) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .invalidDatabaseURL(text, reason: "it has no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidDatabaseURL(text, reason: "it names no user (postgres://USER@HOST/DATABASE)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .invalidDatabaseURL(text, reason: "it names no database after the host") }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw .invalidDatabaseURL(text, reason: "sslmode must be disable, prefer, require or verify-full")
        }
        self.tls = tls
    }

    public var description: String { "\(username)@\(host):\(port)/\(database)" }
}
