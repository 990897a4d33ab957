/// A questionnaire a framework reads, and what one submission of it stands for.
public struct FrameworkQuestionnaire: Sendable, Hashable, Codable {
    /// The form ID in the XLSForm's settings sheet.
    public var form: String
    /// The XLSForm file, relative to the framework file.
    public var file: String
    public var unit: UnitOfAnalysis

    public init(form: String, file: String, unit: UnitOfAnalysis) {
        self.form = form
        self.file = file
        self.unit = unit
    }
}

/// What one submission stands for. Indicators of a community questionnaire count communities, not
/// people; a national desk questionnaire is answered once per period.
public enum UnitOfAnalysis: String, Sendable, Hashable, Codable, CaseIterable {
    case person, household, community, national

    /// "people", "households" ...: what an indicator's sample size counts.
    public var pluralLabel: String {
        switch self {
        case .person: "people"
        case .household: "households"
        case .community: "communities"
        case .national: "desk reviews"
        }
    }
}
