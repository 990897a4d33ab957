/// What can go wrong in storage, in words an operator or user can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDatabaseURL(String, reason: String)
    case cannotOpen(String)
    case unreachable(String)
    case schemaNewerThanBinary(database: Int, binary: Int)
    case migrationFailed(version: Int, name: String, reason: String)
    case duplicate(String)
    /// The same identifier with different content (a changed resend): nothing was stored.
    case conflict(String)
    case notFound(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url, let reason):
            "The database address '\(Self.redacted(url))' is not usable: \(reason)."
        case .cannotOpen(let reason): "The database could not be opened: \(reason)."
        case .unreachable(let reason): "The database cannot be reached: \(reason)."
        case .schemaNewerThanBinary(let database, let binary):
            "This database has schema version \(database), but this build of Counted knows versions up to \(binary). "
                + "It was written by a newer Counted: run that version, or upgrade this one. Nothing was changed."
        case .migrationFailed(let version, let name, let reason):
            "Schema migration \(version) (\(name)) failed and was rolled back: \(reason)."
        case .duplicate(let what): "\(what) already exists."
        case .conflict(let what): what
        case .notFound(let what): "\(what) does not exist."
        case .corrupt(let what): "Stored data could not be read: \(what)."
        }
    }

    /// Hides a password in a URL before it reaches a message or a log.
    static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
