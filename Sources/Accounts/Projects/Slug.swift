import Foundation

/// The short name of an organisation or project in its web address (`/p/demo`): lower-case
/// letters, digits and hyphens, so that addresses stay readable and unambiguous.
public struct Slug: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws(SlugError) {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard (1...63).contains(value.count), allowed, !value.hasPrefix("-"), !value.hasSuffix("-") else {
            throw SlugError(raw: raw)
        }
        self.value = value
    }

    public var description: String { value }
}

public struct SlugError: Error, Sendable, Equatable, CustomStringConvertible {
    public var raw: String
    public var description: String {
        "'\(raw)' cannot be used in a web address: use 1 to 63 lower-case letters, digits and hyphens (like 'disability-barometer')."
    }
}
