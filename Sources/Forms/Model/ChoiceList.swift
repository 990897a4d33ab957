/// A named list of choices (XLSForm `list_name`), shared by every select_one question that names it.
public struct ChoiceList: Sendable, Codable, Equatable {
    public var name: String
    /// Choices in the order the form lists them; this order is also the reporting order.
    public var choices: [Choice]

    public init(name: String, choices: [Choice]) {
        self.name = name
        self.choices = choices
    }

    /// The choice with this name, if the list has one.
    public func choice(named name: String) -> Choice? {
        choices.first { $0.name == name }
    }
}
