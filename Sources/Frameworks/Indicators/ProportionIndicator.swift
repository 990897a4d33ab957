import Foundation
import Forms
import Survey

/// The share of respondents whose answer to a select_one question equals a value, disaggregated
/// by another select_one question. The simplest indicator a framework can hold, and the one most
/// monitoring frameworks start with ("% of households with …, by region").
public struct ProportionIndicator: Sendable, Codable, Equatable {
    /// Short identifier, e.g. "EDU-1": letters, digits, '-', '_' or '.', 1 to 40 characters.
    public var code: String
    public var title: String
    /// The form whose submissions it is computed from.
    public var formID: String
    /// The select_one question counted in the numerator.
    public var field: String
    /// The choice name counted in the numerator.
    public var value: String
    /// An optional select_one question whose choices split the result into groups.
    public var disaggregateBy: String?

    /// The label of the overall row.
    public static let overallLabel = "All respondents"
    public static let maximumCodeLength = 40

    public init(code: String, title: String, formID: String, field: String, value: String, disaggregateBy: String?) {
        self.code = code
        self.title = title
        self.formID = formID
        self.field = field
        self.value = value
        self.disaggregateBy = disaggregateBy
    }

    /// `disaggregateBy`, with an empty string treated as none.
    private var disaggregationField: String? {
        guard let disaggregateBy, !disaggregateBy.isEmpty else { return nil }
        return disaggregateBy
    }

    /// Checks the definition against the questionnaire it is computed from, collecting every problem.
    public func validate(against questionnaire: Questionnaire) throws(IndicatorDefinitionError) {
        var problems: [IndicatorProblem] = []

        if !Self.isValidCode(code) {
            problems.append(IndicatorProblem(
                property: "code",
                message: "The code '\(code)' is not valid: use 1 to \(Self.maximumCodeLength) letters, digits, '-', '_' or '.', without spaces (for example EDU-1)."))
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(IndicatorProblem(property: "title", message: "The title is empty. Give the indicator a title people will recognise."))
        }
        if formID != questionnaire.formID {
            problems.append(IndicatorProblem(
                property: "formID",
                message: "The indicator is for form '\(formID)', but the questionnaire is form '\(questionnaire.formID)'."))
        }

        if let question = questionnaire.question(named: field) {
            if case .selectOne = question.type {
                let allowed = questionnaire.choices(for: question).map(\.name)
                if !allowed.contains(value) {
                    problems.append(IndicatorProblem(
                        property: "value",
                        message: "'\(value)' is not a choice of question '\(field)'. Allowed: \(allowed.joined(separator: ", "))."))
                }
            } else {
                problems.append(IndicatorProblem(
                    property: "field",
                    message: "Question '\(field)' is a \(question.type.xlsFormName) question; a proportion needs a select_one question."))
            }
        } else {
            problems.append(IndicatorProblem(property: "field", message: "'\(field)' is not a question of form \(questionnaire.formID)."))
        }

        if let dimension = disaggregationField {
            if dimension == field {
                problems.append(IndicatorProblem(
                    property: "disaggregateBy",
                    message: "The indicator cannot be disaggregated by the question it counts ('\(field)'). Choose another question."))
            } else if let question = questionnaire.question(named: dimension) {
                if case .selectOne = question.type {} else {
                    problems.append(IndicatorProblem(
                        property: "disaggregateBy",
                        message: "Question '\(dimension)' is a \(question.type.xlsFormName) question; disaggregation needs a select_one question."))
                }
            } else {
                problems.append(IndicatorProblem(property: "disaggregateBy", message: "'\(dimension)' is not a question of form \(questionnaire.formID)."))
            }
        }

        if !problems.isEmpty { throw IndicatorDefinitionError(problems: problems) }
    }

    /// Computes the indicator. Denominator: submissions that answered `field`; numerator: those whose
    /// answer is `value`. Rows: overall, then one per choice of `disaggregateBy` in choice order (a
    /// group answer that is no longer a choice gets its own row at the end, labelled by its name).
    public func compute(submissions: [[Answer]], questionnaire: Questionnaire) -> IndicatorResult {
        let outcomes: [Bool?] = submissions.map { answers in
            answers.value(for: field).map { $0.stringValue == value }
        }
        let dimension = disaggregationField
        let dimensionQuestion = dimension.flatMap { questionnaire.question(named: $0) }
        let groupChoices = dimensionQuestion.map { questionnaire.choices(for: $0) } ?? []
        let domains: [String?] = dimension.map { dimension in
            submissions.map { $0.value(for: dimension)?.stringValue }
        } ?? []

        let estimates = ProportionEstimator.estimate(
            outcomes: outcomes, domains: domains, domainOrder: groupChoices.map(\.name))

        let uncertainty = Self.uncertainty(outcomes: outcomes, domains: domains)
        let rows = estimates.map { estimate in
            let interval = uncertainty[estimate.domain.map { .some($0) } ?? .none]
            return IndicatorRow(
                group: estimate.domain,
                groupLabel: estimate.domain.map { domain in
                    groupChoices.first { $0.name == domain }?.label ?? domain
                } ?? Self.overallLabel,
                count: estimate.estimate.numerator,
                total: estimate.estimate.denominator,
                share: estimate.estimate.share,
                standardError: interval?.standardError, ciLow: interval?.interval?.lower, ciHigh: interval?.interval?.upper)
        }

        let countedQuestion = questionnaire.question(named: field)
        let valueLabel = countedQuestion
            .flatMap { questionnaire.choices(for: $0).first { $0.name == value }?.label } ?? value
        return IndicatorResult(
            code: code,
            title: title,
            valueLabel: valueLabel,
            dimension: dimension,
            dimensionLabel: dimension.map { dimensionQuestion?.label ?? $0 },
            rows: rows)
    }

    /// Standard errors and logit intervals of the shares, overall (key nil) and per group, with
    /// every respondent a unit sampled with replacement (R's `svydesign(ids = ~1)`): citizen data
    /// rarely has a known design, and this is the uncertainty such a sample carries at the least.
    /// Groups are domains: everyone stays in the design, as `svyby` computes them.
    static func uncertainty(outcomes: [Bool?], domains: [String?]) -> [String?: Estimate] {
        let rows = outcomes.count
        guard rows > 1 else { return [:] }
        let outcome = TableColumn.numbers(outcomes.map { $0.map { $0 ? 1 : 0 } })
        let group = TableColumn.text((0..<rows).map { $0 < domains.count ? domains[$0] : nil })
        var result: [String?: Estimate] = [:]
        guard let table = try? SurveyTable(columns: [("outcome", outcome), ("group", group)]),
              let design = try? SurveyDesign(data: table) else { return [:] }
        let statistic = Statistic.proportion("outcome", level: "1")
        if let overall = try? design.estimate(statistic, interval: .logit) { result[.none] = overall }
        if !domains.isEmpty, let byGroup = try? design.estimates(statistic, by: ["group"], interval: .logit) {
            for (levels, estimate) in zip(byGroup.levels, byGroup.estimates) {
                if let level = levels.first { result[.some(level)] = estimate }
            }
        }
        return result
    }

    private static func isValidCode(_ code: String) -> Bool {
        (1...maximumCodeLength).contains(code.count)
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
