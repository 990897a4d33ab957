import Frameworks
import Survey

/// A framework as a table, one row per indicator: for reading in a spreadsheet, reviewing with
/// partners who do not use Counted, or mapping to other frameworks. Texts are in one language;
/// the YAML file keeps them all.
enum FrameworkCSV {
    static let header = [
        "theme_code", "theme", "code", "title", "description", "type", "unit", "direction", "rights", "sdg",
        "computation", "form", "expressions", "disaggregation",
    ]

    static func text(_ framework: Framework, language: FrameworkLanguage) -> String {
        var lines = [header]
        for theme in framework.themes {
            for indicator in theme.indicators {
                let measure = indicator.computation.measure
                let expressions = measure.expressions.map { "\($0.field): \($0.source)" }
                    + assessmentFields(measure)
                lines.append([
                    theme.code, language.text(theme.title), indicator.code, language.text(indicator.title),
                    language.text(indicator.description), indicator.type.rawValue, indicator.unit.rawValue,
                    indicator.direction.rawValue, indicator.rightsSummary, indicator.sdgSummary, measure.kind,
                    indicator.computation.form, expressions.joined(separator: "; "),
                    indicator.disaggregation.map { $0.joined(separator: "+") }.joined(separator: "; "),
                ])
            }
        }
        return lines.map { $0.map(CSVField.escaped).joined(separator: ",") + "\n" }.joined()
    }

    /// An assessment's questions as written in the framework file: "field: x; evidence: y; source: z".
    private static func assessmentFields(_ measure: Computation.Measure) -> [String] {
        guard case .assessment(let field, let evidence, let source) = measure else { return [] }
        return ["field: \(field)", "evidence: \(evidence)", "source: \(source)"]
    }
}
