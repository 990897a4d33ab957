import Crypto
import Foundation

/// A random secret handed to a person or script once (an API token, a CSRF token) of which the
/// store keeps only a SHA-256 digest: a leaked database does not let anyone act as its users.
public struct SecretToken: Sendable, Equatable {
    /// The value shown to the person once.
    public let value: String

    public init(value: String) { self.value = value }

    /// A new token of 32 random bytes from the system's secure generator, as URL-safe base64
    /// behind a short prefix that tells people what the string is.
    public static func generate(prefix: String = "") -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return SecretToken(value: prefix + encoded)
    }

    /// The digest the store keeps.
    public var digest: String { Self.digest(of: value) }

    public static func digest(of value: String) -> String {
        ContentDigest.hex(SHA256.hash(data: Data(value.utf8)))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
