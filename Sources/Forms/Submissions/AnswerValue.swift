/// A checked answer value, typed by the question it answers, so nothing downstream has to
/// re-interpret strings.
///
/// Encodes as a one-key object — `{"text": "…"}`, `{"integer": 34}`, `{"choice": "female"}` —
/// which stays readable in storage and round-trips without knowing the questionnaire.
public enum AnswerValue: Sendable, Codable, Equatable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    /// The *name* of the chosen choice.
    case choice(String)

    /// The value as plain text: the text, the number, or the choice name.
    public var stringValue: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .choice(let name): name
        }
    }

    public var description: String { stringValue }

    private enum CodingKeys: String, CodingKey {
        case text, integer, choice
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let number = try container.decodeIfPresent(Int.self, forKey: .integer) {
            self = .integer(number)
        } else if let name = try container.decodeIfPresent(String.self, forKey: .choice) {
            self = .choice(name)
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "An answer value needs one of the keys text, integer or choice."))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .integer(let number): try container.encode(number, forKey: .integer)
        case .choice(let name): try container.encode(name, forKey: .choice)
        }
    }
}
