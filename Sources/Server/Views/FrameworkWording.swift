import Frameworks

// How the terms of a framework file read on the explorer pages and in its CSV export: the file
// uses keys (`proportion`, `higher-is-better`), people read words.

extension Computation.Measure {
    /// The kind in words: "Proportion", "Mean" ...
    var kindLabel: String {
        switch self {
        case .proportion: "Proportion"
        case .mean: "Mean"
        case .median: "Median"
        case .total: "Total"
        case .ratio: "Ratio"
        case .assessment: "Assessment"
        }
    }

    /// What the value is, in one sentence.
    var explanation: String {
        switch self {
        case .proportion: "The share of the submissions in the universe (the denominator; every submission if none is given) for which the numerator holds."
        case .mean: "The mean of the value, over the submissions in the universe."
        case .median: "The median of the value, over the submissions in the universe."
        case .total: "The estimated population total of the value, over the submissions in the universe."
        case .ratio: "The ratio of the total of the numerator to the total of the denominator, over the submissions in the universe."
        case .assessment: "A structural assessment from the desk review: yes, partly or no, complete only when both the evidence and its source are given."
        }
    }

    /// The questions a structural assessment reads, by their role; empty for the other kinds.
    var assessmentQuestions: [(role: String, name: String)] {
        guard case .assessment(let field, let evidence, let source) = self else { return [] }
        return [("Answer (yes, partly or no)", field), ("Evidence", evidence), ("Source", source)]
    }
}

extension UnitOfAnalysis {
    /// What one submission of a questionnaire stands for.
    var explanation: String {
        switch self {
        case .person: "Person: each submission is one person's answers."
        case .household: "Household: each submission is one household's answers."
        case .community: "Community: each submission is answered collectively, once per community, in a community meeting; its indicators count communities, not people."
        case .national: "National: the desk review, answered once per period."
        }
    }
}

extension IndicatorUnit {
    var label: String {
        switch self {
        case .percent: "Percent"
        case .number: "Number"
        case .ratio: "Ratio"
        case .years: "Years"
        case .currency: "Currency"
        case .score: "Score"
        }
    }
}

extension IndicatorType {
    /// OHCHR's meaning of the type.
    var explanation: String {
        switch self {
        case .structural: "the State's commitments: laws, ratifications and institutions"
        case .process: "the State's efforts to meet its commitments"
        case .outcome: "what people actually enjoy"
        }
    }
}

extension GroupDefinition {
    /// How the group's levels are read from answers, in words.
    var explanation: String {
        switch self {
        case .washingtonGroup(let domains):
            "Washington Group Short Set (questions \(domains.map(\.field).joined(separator: ", "))): persons with disability "
                + "have a lot of difficulty, or cannot do at all, in at least one domain."
        case .ageBands(let field, let bands):
            "Age bands \(bands.map(\.label).joined(separator: ", ")) from question \(field)."
        case .choice(let field, _):
            "The answer to question \(field)."
        }
    }
}

extension Indicator {
    /// "CRPD 27; CRPD 9": each article with its instrument's code.
    var rightsSummary: String {
        rights.flatMap { reference in reference.articles.map { "\(reference.instrument.code) \($0)" } }.joined(separator: "; ")
    }

    /// "8.5.2; 4.5".
    var sdgSummary: String {
        sdg.map(\.code).joined(separator: "; ")
    }

    /// Each grouping in words: "Disability status", "Sex × Indigenous identity".
    var disaggregationLabels: [String] {
        disaggregation.map { $0.map(DimensionCatalogue.label(of:)).joined(separator: " × ") }
    }
}
