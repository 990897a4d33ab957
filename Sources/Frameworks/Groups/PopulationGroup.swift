/// A population group defined by what respondents say of themselves, used as a disaggregation
/// dimension: each submission gets one level (an SDMX code) or none (not answered, or "prefer not
/// to say"). Never assigned by an interviewer or inferred from other answers than the person's own.
public struct PopulationGroup: Sendable, Hashable, Codable {
    /// The dimension's identifier, an SDMX concept where one exists: "SEX", "DISABILITY_STATUS".
    public var dimension: String
    /// The form ID whose answers define it.
    public var form: String
    public var definition: GroupDefinition

    public init(dimension: String, form: String, definition: GroupDefinition) {
        self.dimension = dimension
        self.form = form
        self.definition = definition
    }

    /// The questions the group reads.
    public var fields: [String] {
        switch definition {
        case .washingtonGroup(let domains): domains.map(\.field)
        case .ageBands(let field, _): [field]
        case .choice(let field, _): [field]
        }
    }

    /// The level of one submission, or nil where it has none.
    public func level(of answers: [String: String]) -> String? {
        switch definition {
        case .washingtonGroup(let domains):
            return WashingtonGroup.status(domains.map { answers[$0.field] })
        case .ageBands(let field, let bands):
            guard let text = answers[field], let age = Int(text.trimmingCharacters(in: .whitespaces)) else { return nil }
            return bands.first { $0.contains(age) }?.code
        case .choice(let field, let codes):
            guard let answer = answers[field]?.trimmingCharacters(in: .whitespaces), !answer.isEmpty,
                  !PopulationGroup.withheldChoices.contains(answer) else { return nil }
            return codes.first { $0.choice == answer }?.code ?? answer
        }
    }

    /// The levels the definition itself names, in order (choices mapped by `codes`, bands, PD and
    /// NPD). Levels of other choices appear as data arrives.
    public var declaredLevels: [String] {
        switch definition {
        case .washingtonGroup: [WashingtonGroup.disabled, WashingtonGroup.notDisabled]
        case .ageBands(_, let bands): bands.map(\.code)
        case .choice(_, let codes): codes.map(\.code)
        }
    }

    /// Choice names that withhold an answer: the respondent is in no level of the dimension,
    /// rather than in a group of people who "prefer not to say".
    public static let withheldChoices: Set<String> = ["prefer_not_to_say", "prefer_not_to_answer", "dont_know", "refused", "no_answer"]
}

/// How a group's level is read from answers.
public enum GroupDefinition: Sendable, Hashable, Codable {
    /// The Washington Group Short Set: six domains of functioning.
    case washingtonGroup([WashingtonGroup.Domain])
    /// An integer age, cut into bands.
    case ageBands(field: String, bands: [AgeBand])
    /// A select_one question; `codes` renames choices to SDMX codes (other choices keep their name).
    case choice(field: String, codes: [ChoiceCode])
}

/// A choice name and the SDMX code it is published as.
public struct ChoiceCode: Sendable, Hashable, Codable {
    public var choice: String
    public var code: String

    public init(choice: String, code: String) {
        self.choice = choice
        self.code = code
    }
}
