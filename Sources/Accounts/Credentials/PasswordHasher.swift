import HummingbirdBcrypt

/// Hashes passwords with bcrypt so that a stolen database does not reveal them.
/// The cost is configurable only so that tests stay fast; production uses the default.
public struct PasswordHasher: Sendable {
    public static let defaultCost: UInt8 = 12
    /// The shortest password accepted.
    public static let minimumLength = 8

    public var cost: UInt8

    public init(cost: UInt8 = PasswordHasher.defaultCost) {
        self.cost = max(4, min(cost, 31))
    }

    public func hash(_ password: String) throws(PasswordError) -> String {
        guard password.count >= Self.minimumLength else { throw .tooShort(minimum: Self.minimumLength) }
        return Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}

public enum PasswordError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(minimum: Int)

    public var description: String {
        switch self {
        case .tooShort(let minimum): "The password must be at least \(minimum) characters long."
        }
    }
}
