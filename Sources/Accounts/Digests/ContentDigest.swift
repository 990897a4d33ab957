import Crypto
import Foundation

/// Digests of stored content: SHA-256 to tell a resent submission from a changed one, and MD5
/// because OpenRosa names files by it (`md5:…` hashes in form lists and manifests). MD5 is used
/// only where the protocol asks for it, never to protect anything.
public enum ContentDigest {
    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Lower-case hex MD5, as OpenRosa's `md5:` hashes carry it.
    public static func md5(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
