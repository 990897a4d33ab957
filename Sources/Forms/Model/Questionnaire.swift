/// A questionnaire as the platform understands it: the questions asked, in order, and the
/// choice lists their select_one questions draw from. It is the contract every submission is checked against.
public struct Questionnaire: Sendable, Codable, Equatable {
    /// Stable identifier of the form (XLSForm `settings.form_id`).
    public var formID: String
    /// Human title (XLSForm `settings.form_title`).
    public var title: String
    /// Version string (XLSForm `settings.version`).
    public var version: String
    /// Questions in survey order.
    public var questions: [Question]
    /// Choice lists in the order they first appear on the choices sheet.
    public var choiceLists: [ChoiceList]

    public init(formID: String, title: String, version: String, questions: [Question], choiceLists: [ChoiceList]) {
        self.formID = formID
        self.title = title
        self.version = version
        self.questions = questions
        self.choiceLists = choiceLists
    }

    /// The question with this name, if the form has one.
    public func question(named name: String) -> Question? {
        questions.first { $0.name == name }
    }

    /// The choices a question offers, in list order; empty for questions that are not select_one.
    public func choices(for question: Question) -> [Choice] {
        guard case .selectOne(let list) = question.type else { return [] }
        return choiceList(named: list)?.choices ?? []
    }

    /// The choice list with this name, if the form has one.
    public func choiceList(named name: String) -> ChoiceList? {
        choiceLists.first { $0.name == name }
    }
}
