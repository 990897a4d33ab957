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
    /// The form uses more than the browser form and the JSON API collect (groups, repeats, logic,
    /// other types): it is filled in with ODK Collect, and `questions` lists only its top-level
    /// text, integer and select_one questions, for indicators.
    public var needsODKCollect: Bool

    public init(formID: String, title: String, version: String, questions: [Question], choiceLists: [ChoiceList],
                needsODKCollect: Bool = false) {
        self.formID = formID
        self.title = title
        self.version = version
        self.questions = questions
        self.choiceLists = choiceLists
        self.needsODKCollect = needsODKCollect
    }

    private enum CodingKeys: String, CodingKey {
        case formID, title, version, questions, choiceLists, needsODKCollect
    }

    /// Questionnaires stored before `needsODKCollect` existed decode as browser forms.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formID = try container.decode(String.self, forKey: .formID)
        title = try container.decode(String.self, forKey: .title)
        version = try container.decode(String.self, forKey: .version)
        questions = try container.decode([Question].self, forKey: .questions)
        choiceLists = try container.decode([ChoiceList].self, forKey: .choiceLists)
        needsODKCollect = try container.decodeIfPresent(Bool.self, forKey: .needsODKCollect) ?? false
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
