/// A kit's synthetic population, written down (`synthetic.yaml`, format in docs/frameworks.md):
/// who the respondents are (traits), how they answer, and the true value of every indicator that
/// follows. Tests draw from it and check that the estimates recover the truths; organisations use
/// it to try a kit before collecting anything.
public struct SyntheticModel: Sendable, Hashable {
    public var seed: UInt64
    public var datasets: [SyntheticDataset]
    public var truths: [SyntheticTruth]

    public init(seed: UInt64, datasets: [SyntheticDataset], truths: [SyntheticTruth]) {
        self.seed = seed
        self.datasets = datasets
        self.truths = truths
    }
}

/// The submissions of one questionnaire.
public struct SyntheticDataset: Sendable, Hashable {
    public var form: String
    public var size: Int
    public var traits: [SyntheticTrait]
    public var answers: [SyntheticAnswer]

    public init(form: String, size: Int, traits: [SyntheticTrait], answers: [SyntheticAnswer]) {
        self.form = form
        self.size = size
        self.traits = traits
        self.answers = answers
    }
}

/// A distribution over named outcomes, possibly depending on earlier traits or answers: one table
/// per combination of their values (joined with ','), or a single table under "".
public struct SyntheticDistribution: Sendable, Hashable {
    public var given: [String]
    public var tables: [String: [Outcome]]

    public struct Outcome: Sendable, Hashable {
        public var value: String
        public var probability: Double

        public init(value: String, probability: Double) {
            self.value = value
            self.probability = probability
        }
    }

    public init(given: [String], tables: [String: [Outcome]]) {
        self.given = given
        self.tables = tables
    }
}

/// A characteristic of a respondent drawn before any answer: the truth about them.
public struct SyntheticTrait: Sendable, Hashable {
    public var name: String
    public var distribution: SyntheticDistribution

    public init(name: String, distribution: SyntheticDistribution) {
        self.name = name
        self.distribution = distribution
    }
}

/// How a question is answered.
public struct SyntheticAnswer: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// The answer is the trait's value.
        case trait(String)
        /// One choice drawn from a distribution.
        case choice(SyntheticDistribution)
        /// A select_multiple: each choice included with its probability.
        case multiple([SyntheticDistribution.Outcome])
        /// A whole number: uniform between the bounds, or normal, rounded and kept within them.
        case integer(min: Int, max: Int, mean: Double?, sd: Double?)
        /// A fixed answer.
        case fixed(String)
        /// The six Washington Group questions, consistent with a yes/no trait.
        case washingtonGroup(trait: String, fields: [String])
    }

    /// The question answered (empty for the Washington Group rule, which answers six).
    public var field: String
    public var rule: Rule
    /// Answered only when these earlier answers or traits have these values.
    public var when: [String: String]

    public init(field: String, rule: Rule, when: [String: String] = [:]) {
        self.field = field
        self.rule = rule
        self.when = when
    }
}

/// The true value of an indicator in the synthetic population: overall, and per group.
public struct SyntheticTruth: Sendable, Hashable {
    public struct GroupValue: Sendable, Hashable {
        public var dimensions: [String]
        public var levels: [String]
        public var value: Double

        public init(dimensions: [String], levels: [String], value: Double) {
            self.dimensions = dimensions
            self.levels = levels
            self.value = value
        }
    }

    public var indicator: String
    /// The overall value of an estimated indicator.
    public var value: Double?
    /// The answer of a structural assessment.
    public var answer: String?
    public var groups: [GroupValue]

    public init(indicator: String, value: Double?, answer: String?, groups: [GroupValue]) {
        self.indicator = indicator
        self.value = value
        self.answer = answer
        self.groups = groups
    }
}
