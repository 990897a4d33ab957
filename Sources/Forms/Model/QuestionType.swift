/// The kinds of question the platform can collect today. Kept deliberately small: every kind
/// listed here is validated end to end, and new kinds are added only with their checks.
///
/// Encodes as its XLSForm spelling ("text", "integer", "note", "select_one sex") so stored
/// questionnaires stay readable.
public enum QuestionType: Sendable, Codable, Equatable, CustomStringConvertible {
    case text
    case integer
    case selectOne(list: String)
    /// Displays its label; takes no answer.
    case note

    /// The type as written in the XLSForm `type` column.
    public var xlsFormName: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .selectOne(let list): "select_one \(list)"
        case .note: "note"
        }
    }

    public var description: String { xlsFormName }

    /// Parses an XLSForm type cell; nil for anything unsupported (including `select_one` with no list).
    public init?(xlsFormName: String) {
        let parts = xlsFormName.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let keyword = parts.first?.lowercased() else { return nil }
        switch (keyword, parts.count) {
        case ("text", 1): self = .text
        case ("integer", 1): self = .integer
        case ("note", 1): self = .note
        case ("select_one", 2): self = .selectOne(list: parts[1])
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let spelling = try container.decode(String.self)
        guard let type = QuestionType(xlsFormName: spelling) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Unknown question type '\(spelling)'.")
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(xlsFormName)
    }
}
