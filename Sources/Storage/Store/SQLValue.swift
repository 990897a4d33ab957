import Foundation
import NIOCore
import SQLKit
import SQLiteNIO

/// A value bound into a statement, in one of the shapes the tables hold. Storing a submission
/// binds a few hundred values; binding these rather than Swift optionals spares each one a
/// dynamic cast through `Encodable` on SQLite, and it encodes the same way on every engine.
enum SQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case real(Double)
    case blob(Data)
    case null

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ integer: Int?) { self = integer.map(SQLValue.integer) ?? .null }
    init(_ real: Double?) { self = real.map(SQLValue.real) ?? .null }
}

extension SQLValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let integer): try container.encode(integer)
        case .real(let real): try container.encode(real)
        case .blob(let data): try container.encode(data)
        case .null: try container.encodeNil()
        }
    }
}

extension SQLValue: SQLiteDataConvertible {
    init?(sqliteData: SQLiteData) {
        switch sqliteData {
        case .text(let text): self = .text(text)
        case .integer(let integer): self = .integer(integer)
        case .float(let real): self = .real(real)
        case .null: self = .null
        case .blob(let buffer): self = .blob(Data(buffer: buffer))
        }
    }

    var sqliteData: SQLiteData? {
        switch self {
        case .text(let text): .text(text)
        case .integer(let integer): .integer(integer)
        case .real(let real): .float(real)
        case .blob(let data): .blob(ByteBuffer(bytes: data))
        case .null: .null
        }
    }
}
