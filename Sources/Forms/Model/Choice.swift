/// One possible answer of a select_one question: `name` is what is stored, `label` what people see.
public struct Choice: Sendable, Codable, Equatable {
    public var name: String
    public var label: String

    public init(name: String, label: String) {
        self.name = name
        self.label = label
    }
}
