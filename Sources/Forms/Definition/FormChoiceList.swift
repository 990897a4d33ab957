/// A named list of choices (XLSForm `list_name`), shared by every select that names it.
public struct FormChoiceList: Sendable, Equatable, Codable {
    public var name: String
    /// Choices in sheet order, which is also the reporting order.
    public var choices: [FormChoice]

    public init(name: String, choices: [FormChoice]) {
        self.name = name
        self.choices = choices
    }

    /// The first choice with this name, if the list has one.
    public func choice(named name: String) -> FormChoice? {
        choices.first { $0.name == name }
    }
}

/// One row of the choices sheet.
public struct FormChoice: Sendable, Equatable, Codable {
    /// The value stored when the choice is picked.
    public var name: String
    public var label: LocalizedText
    public var media: FormMedia
    /// Other columns (used by `choice_filter`, e.g. `region` for cascading selects), in sheet order.
    public var extraColumns: [FormAttribute]
    /// Row of the choices sheet; 0 when not read from a file.
    public var row: Int

    public init(name: String, label: LocalizedText = LocalizedText(), media: FormMedia = FormMedia(),
                extraColumns: [FormAttribute] = [], row: Int = 0) {
        self.name = name
        self.label = label
        self.media = media
        self.extraColumns = extraColumns
        self.row = row
    }
}
