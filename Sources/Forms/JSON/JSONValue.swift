/// A parsed JSON value that keeps what submission checking needs and `JSONSerialization` blurs:
/// the order of object keys, duplicate keys, and whether a number was written as a whole number
/// (`true`, `1` and `1.0` stay distinguishable on every platform).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number, as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order written, duplicates kept.
    case object([(key: String, value: JSONValue)])

    /// A short description for messages: "3.5", "true", "a list", "an object".
    var shortDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let text): text
        case .string(let text): "'\(text)'"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// What kind of value it is, for messages: "a list", "a number", "text".
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .integer, .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
