import Foundation
import Survey

/// Computes every indicator of a framework from the submissions of its questionnaires: each
/// indicator's expressions become numeric columns, each population group a coded dimension, and
/// the survey engine estimates all of them, overall and in every group and intersection, in one
/// pass per questionnaire.
///
/// Each submission is a unit sampled with replacement with weight 1 (R's
/// `svydesign(ids = ~1)`): citizen data rarely has a known design, and this is the uncertainty
/// such a sample carries at the least.
public enum FrameworkComputation {
    /// - Parameters:
    ///   - submissions: by form ID, each submission's answers by question name, oldest first.
    ///   - now: the moment `today()` and `now()` read in expressions.
    public static func compute(
        _ framework: Framework, submissions: [String: [[String: String]]], now: Date = Date()
    ) async -> FrameworkResults {
        var outcomes: [String: IndicatorOutcome] = [:]
        let indicators = framework.indicators
        let forms = indicators.map(\.computation.form).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for form in forms {
            let rows = submissions[form] ?? []
            let ofForm = indicators.filter { $0.computation.form == form }
            for outcome in await compute(ofForm, framework: framework, rows: rows, now: now) { outcomes[outcome.code] = outcome }
        }
        return FrameworkResults(outcomes: indicators.compactMap { outcomes[$0.code] })
    }

    /// The indicators of one questionnaire.
    static func compute(_ indicators: [Indicator], framework: Framework, rows: [[String: String]], now: Date) async -> [IndicatorOutcome] {
        var outcomes: [IndicatorOutcome] = []
        var numeric: [(indicator: Indicator, measure: CompiledMeasure)] = []
        for indicator in indicators {
            let kind = indicator.computation.measure.kind
            if case .assessment(let field, let evidence, let source) = indicator.computation.measure {
                outcomes.append(assess(indicator, field: field, evidence: evidence, source: source, rows: rows))
                continue
            }
            guard !rows.isEmpty else {
                outcomes.append(IndicatorOutcome(code: indicator.code, kind: kind, noDataReason: "No submissions yet."))
                continue
            }
            do {
                numeric.append((indicator, try CompiledMeasure(indicator.computation.measure)))
            } catch {
                outcomes.append(IndicatorOutcome(code: indicator.code, kind: kind, noDataReason: "The computation cannot be read: \(error.message)"))
            }
        }
        guard !numeric.isEmpty else { return outcomes }

        let dimensionNames = numeric.flatMap(\.indicator.dimensions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let dimensions = dimensionNames.compactMap { name in framework.group(dimension: name).map { codedDimension($0, rows: rows) } }
        var groupings: [[String]] = [[]]
        for (indicator, _) in numeric {
            for grouping in indicator.disaggregation where !groupings.contains(grouping) { groupings.append(grouping) }
        }

        var coded: [CodedIndicator] = []
        var medians: [(Indicator, [Double])] = []
        for (indicator, measure) in numeric {
            let columns = measure.columns(rows, at: now)
            switch indicator.computation.measure {
            case .proportion: coded.append(CodedIndicator(name: indicator.code, kind: .proportion, values: columns.values))
            case .mean: coded.append(CodedIndicator(name: indicator.code, kind: .mean, values: columns.values))
            case .total: coded.append(CodedIndicator(name: indicator.code, kind: .total, values: columns.values))
            case .ratio: coded.append(.ratio(name: indicator.code, numerator: columns.values, denominator: columns.denominator ?? []))
            case .median: medians.append((indicator, columns.values))
            case .assessment: break
            }
        }

        var byIndicator: [String: [DomainValue]] = [:]
        if !coded.isEmpty, let design = try? CodedDesign(weights: [Double](repeating: 1, count: rows.count)),
           let estimates = try? await FrameworkEstimation.run(design: design, indicators: coded, dimensions: dimensions, groupings: groupings) {
            for estimate in estimates where estimate.estimate.sampleSize > 0 && estimate.estimate.value.isFinite {
                byIndicator[estimate.indicator, default: []].append(
                    DomainValue(dimensions: estimate.dimensions, levels: estimate.levels, estimate: estimate.estimate))
            }
        }
        for (indicator, values) in medians {
            byIndicator[indicator.code] = self.medians(values, groupings: [[]] + indicator.disaggregation, dimensions: dimensions)
        }

        for (indicator, _) in numeric {
            let wanted = [[]] + indicator.disaggregation
            let values = (byIndicator[indicator.code] ?? []).filter { wanted.contains($0.dimensions) }
                .sorted { wanted.firstIndex(of: $0.dimensions) ?? 0 < wanted.firstIndex(of: $1.dimensions) ?? 0 }
            outcomes.append(IndicatorOutcome(
                code: indicator.code, kind: indicator.computation.measure.kind, values: values,
                noDataReason: values.isEmpty ? "No submission has a value for this indicator." : nil))
        }
        let order = indicators.map(\.code)
        return outcomes.sorted { order.firstIndex(of: $0.code) ?? 0 < order.firstIndex(of: $1.code) ?? 0 }
    }

    /// A group's level for every row, as codes: declared levels first, others in order of appearance.
    static func codedDimension(_ group: PopulationGroup, rows: [[String: String]]) -> CodedDimension {
        var labels = group.declaredLevels
        var index = Dictionary(labels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        let codes: [Int32] = rows.map { row in
            guard let level = group.level(of: row) else { return -1 }
            if let code = index[level] { return code }
            let code = Int32(labels.count)
            labels.append(level)
            index[level] = code
            return code
        }
        return CodedDimension(name: group.dimension, labels: labels, codes: codes)
    }

    /// Medians overall and in each domain of each grouping (R's `svyquantile`, Woodruff interval).
    static func medians(_ values: [Double], groupings: [[String]], dimensions: [CodedDimension]) -> [DomainValue] {
        var columns: [(name: String, column: TableColumn)] = [("value", .numbers(values.map { $0.isNaN ? nil : $0 }))]
        for dimension in dimensions {
            columns.append((dimension.name, .text(dimension.codes.map { $0 < 0 ? nil : dimension.labels[Int($0)] })))
        }
        guard let table = try? SurveyTable(columns: columns), let design = try? SurveyDesign(data: table) else { return [] }
        var result: [DomainValue] = []
        for grouping in groupings {
            let involved = grouping.compactMap { name in dimensions.first { $0.name == name } }
            guard involved.count == grouping.count else { continue }
            for levels in combinations(involved.map(\.labels)) {
                let domain = levels.isEmpty ? nil : Domain(conditions: zip(grouping, levels).map { DomainCondition(column: $0, level: $1) })
                guard let estimate = try? design.quantile("value", probability: 0.5, in: domain), estimate.sampleSize > 0 else { continue }
                result.append(DomainValue(dimensions: grouping, levels: levels, estimate: estimate))
            }
        }
        return result
    }

    /// Every combination of one label per list, the first list varying slowest.
    public static func combinations(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, labels in partial.flatMap { prefix in labels.map { prefix + [$0] } } }
    }

    /// The latest desk review that answered `field`.
    static func assess(_ indicator: Indicator, field: String, evidence: String, source: String, rows: [[String: String]]) -> IndicatorOutcome {
        guard let row = rows.last(where: { !($0[field] ?? "").isEmpty }) else {
            return IndicatorOutcome(code: indicator.code, kind: "assessment", noDataReason: "The desk review has not answered this question.")
        }
        let trimmed: (String) -> String? = { name in
            row[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let assessment = Assessment(answer: trimmed(field).flatMap(Assessment.Answer.init(rawValue:)), evidence: trimmed(evidence), source: trimmed(source))
        return IndicatorOutcome(code: indicator.code, kind: "assessment", assessment: assessment, noDataReason: assessment.missingReason)
    }
}
