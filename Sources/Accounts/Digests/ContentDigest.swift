import Crypto
import Foundation

/// Digests of stored content: SHA-256 to tell a resent submission from a changed one, and MD5
/// because OpenRosa names files by it (`md5:…` hashes in form lists and manifests). MD5 is used
/// only where the protocol asks for it, never to protect anything.
public enum ContentDigest {
    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex MD5, as OpenRosa's `md5:` hashes carry it.
    public static func md5(_ data: Data) -> String {
        hex(Insecure.MD5.hash(data: data))
    }

    /// Lower-case hex of `bytes`, two digits per byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
