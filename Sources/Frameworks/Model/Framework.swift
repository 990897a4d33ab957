/// What a project monitors and why: themes, then indicators, each tied to the rights it monitors
/// and the SDG targets it informs, with the computation that turns answers into a value.
///
/// A framework is kept as a YAML file (see ``FrameworkFile``) so that the organisation can read,
/// edit and share it without Counted; this type is that file, checked.
public struct Framework: Sendable, Hashable, Codable {
    /// Lower-case letters, digits and '-', e.g. "disability-barometer".
    public var id: String
    public var version: String
    /// Language codes; the first is the default.
    public var languages: [String]
    public var title: FrameworkText
    public var description: FrameworkText
    /// The questionnaires the computations and groups read.
    public var questionnaires: [FrameworkQuestionnaire]
    /// Population groups: the disaggregation dimensions.
    public var groups: [PopulationGroup]
    public var themes: [Theme]

    public init(id: String, version: String, languages: [String], title: FrameworkText, description: FrameworkText,
                questionnaires: [FrameworkQuestionnaire], groups: [PopulationGroup], themes: [Theme]) {
        self.id = id
        self.version = version
        self.languages = languages
        self.title = title
        self.description = description
        self.questionnaires = questionnaires
        self.groups = groups
        self.themes = themes
    }

    /// Every indicator, theme by theme.
    public var indicators: [Indicator] { themes.flatMap(\.indicators) }

    public func indicator(code: String) -> Indicator? {
        for theme in themes {
            if let indicator = theme.indicators.first(where: { $0.code == code }) { return indicator }
        }
        return nil
    }

    /// The theme that holds the indicator with `code`.
    public func theme(ofIndicator code: String) -> Theme? {
        themes.first { $0.indicators.contains { $0.code == code } }
    }

    public func questionnaire(form: String) -> FrameworkQuestionnaire? {
        questionnaires.first { $0.form == form }
    }

    public func group(dimension: String) -> PopulationGroup? {
        groups.first { $0.dimension == dimension }
    }

    /// The default language: the first listed.
    public var defaultLanguage: String? { languages.first }
}
