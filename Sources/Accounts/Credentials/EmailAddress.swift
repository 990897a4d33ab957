import Foundation

/// An e-mail address as people sign in with it: trimmed and lower-cased, so that
/// "Ana@Example.org " and "ana@example.org" are one account.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws(EmailAddressError) {
        let normalised = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = normalised.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !normalised.contains(where: { $0.isWhitespace }), normalised.count <= 254
        else { throw EmailAddressError(raw: raw) }
        self.value = normalised
    }

    public var description: String { value }
}

public struct EmailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    public var raw: String
    public var description: String { "'\(raw)' is not an e-mail address (expected something like name@example.org)." }
}
