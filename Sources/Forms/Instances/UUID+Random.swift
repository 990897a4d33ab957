import Foundation

extension UUID {
    /// A random (version 4) UUID drawn from the system's generator. Foundation's `UUID()` on
    /// Linux opens /dev/urandom for every UUID; the server makes a few per request (request IDs,
    /// record IDs), so this asks the kernel for the bytes directly instead.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        var bytes = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0),
                     UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
            buffer[6] = (buffer[6] & 0x0F) | 0x40  // version 4
            buffer[8] = (buffer[8] & 0x3F) | 0x80  // RFC 4122 variant
        }
        return UUID(uuid: bytes)
    }
}
