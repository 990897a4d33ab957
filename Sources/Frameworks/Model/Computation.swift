/// How an indicator's value comes from the answers to one questionnaire. Expressions are written
/// in the questionnaires' own expression language (`${paid_work} = 'yes'`), so whoever writes the
/// form can read the indicator.
public struct Computation: Sendable, Hashable, Codable {
    /// The form ID of the questionnaire whose submissions it reads.
    public var form: String
    public var measure: Measure

    public init(form: String, measure: Measure) {
        self.form = form
        self.measure = measure
    }

    /// What is estimated. A `universe` is the condition a submission must meet to count at all
    /// (nil: every submission).
    public enum Measure: Sendable, Hashable, Codable {
        /// The share of the universe for which `numerator` holds.
        case proportion(numerator: String, universe: String?)
        /// The mean of a number.
        case mean(value: String, universe: String?)
        /// The median of a number.
        case median(value: String, universe: String?)
        /// The estimated population total of a number.
        case total(value: String, universe: String?)
        /// The ratio of the totals of two numbers.
        case ratio(numerator: String, denominator: String, universe: String?)
        /// A structural indicator: the desk review's answer (yes / partly / no) to `field`, with
        /// the evidence and source reference that make it complete.
        case assessment(field: String, evidence: String, source: String)

        /// The key used in framework files.
        public var kind: String {
            switch self {
            case .proportion: "proportion"
            case .mean: "mean"
            case .median: "median"
            case .total: "total"
            case .ratio: "ratio"
            case .assessment: "assessment"
            }
        }

        /// The expressions, named as in framework files.
        public var expressions: [(field: String, source: String)] {
            switch self {
            case .proportion(let numerator, let universe):
                [("numerator", numerator)] + (universe.map { [("denominator", $0)] } ?? [])
            case .mean(let value, let universe), .median(let value, let universe), .total(let value, let universe):
                [("value", value)] + (universe.map { [("universe", $0)] } ?? [])
            case .ratio(let numerator, let denominator, let universe):
                [("numerator", numerator), ("denominator", denominator)] + (universe.map { [("universe", $0)] } ?? [])
            case .assessment:
                []
            }
        }
    }
}
