/// One thing a framework measures, with why it matters (the rights and SDG targets it serves) and
/// how it is computed from answers.
public struct Indicator: Sendable, Hashable, Codable {
    /// Letters, digits, '-', '_' or '.', unique in the framework, e.g. "DB-WORK-1".
    public var code: String
    public var title: FrameworkText
    public var description: FrameworkText
    public var type: IndicatorType
    public var rights: [RightsReference]
    public var sdg: [SDGReference]
    public var unit: IndicatorUnit
    public var direction: IndicatorDirection
    /// The groupings to show: each a list of dimensions, one for a plain breakdown
    /// (["SEX"]), several for an intersection (["SEX", "INDIGENOUS_STATUS"]).
    public var disaggregation: [[String]]
    public var computation: Computation

    public init(code: String, title: FrameworkText, description: FrameworkText = FrameworkText(), type: IndicatorType,
                rights: [RightsReference] = [], sdg: [SDGReference] = [], unit: IndicatorUnit, direction: IndicatorDirection,
                disaggregation: [[String]] = [], computation: Computation) {
        self.code = code
        self.title = title
        self.description = description
        self.type = type
        self.rights = rights
        self.sdg = sdg
        self.unit = unit
        self.direction = direction
        self.disaggregation = disaggregation
        self.computation = computation
    }

    /// Every dimension named in ``disaggregation``, each once, in order.
    public var dimensions: [String] {
        var seen: [String] = []
        for dimension in disaggregation.joined() where !seen.contains(dimension) { seen.append(dimension) }
        return seen
    }

    /// The maximum length of a code.
    public static let maximumCodeLength = 40

    /// Whether `code` is a valid indicator code.
    public static func isValidCode(_ code: String) -> Bool {
        (1...maximumCodeLength).contains(code.count)
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}

/// OHCHR's three kinds of human rights indicator: the State's commitments (structural), its
/// efforts (process), and what people actually enjoy (outcome).
public enum IndicatorType: String, Sendable, Hashable, Codable, CaseIterable {
    case structural, process, outcome

    public var label: String {
        switch self {
        case .structural: "Structural"
        case .process: "Process"
        case .outcome: "Outcome"
        }
    }
}

/// What an indicator's value is counted in, so pages can format it ("43.0%", "12.5 years").
public enum IndicatorUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case percent, number, ratio, years, currency, score
}

/// Whether a higher value is progress: trends and gaps are read through it.
public enum IndicatorDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
    case none

    public var label: String {
        switch self {
        case .higherIsBetter: "Higher is better"
        case .lowerIsBetter: "Lower is better"
        case .none: "No direction"
        }
    }
}
