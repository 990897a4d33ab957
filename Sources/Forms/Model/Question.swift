/// One row of the survey sheet: what is asked, how it is answered, and where it was defined
/// (so messages can point people back to the right line of their file).
public struct Question: Sendable, Codable, Equatable {
    /// The field name answers are stored under.
    public var name: String
    public var type: QuestionType
    /// Text shown to respondents; falls back to `name` when the form gives none.
    public var label: String
    public var hint: String?
    /// Whether a submission must answer it. Always false for notes.
    public var required: Bool
    /// 1-based line number in the CSV file that defined the question; 0 when not read from a file.
    public var row: Int

    public init(name: String, type: QuestionType, label: String, hint: String? = nil, required: Bool = false, row: Int = 0) {
        self.name = name
        self.type = type
        self.label = label
        self.hint = hint
        self.required = type == .note ? false : required
        self.row = row
    }

    /// Whether the question collects an answer (notes only display text).
    public var takesAnswer: Bool { type != .note }
}
