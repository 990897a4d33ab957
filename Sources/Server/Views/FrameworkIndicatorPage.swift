import Foundation
import Forms
import Frameworks

/// One indicator explained in full: why it is monitored (rights, SDG), how it is broken down, and
/// exactly how it is computed, down to the questions it reads and their labels in the project's
/// own questionnaire, so that anyone can check the number against the answers.
struct FrameworkIndicatorPage: Sendable {
    let explorer: FrameworkExplorer
    let indicator: Indicator
    /// The latest stored version of the questionnaire the computation reads; nil when the project has none.
    let form: FormDefinition?
    /// The project's reference values for this indicator.
    let references: [ReferenceValue]

    init(explorer: FrameworkExplorer, indicator: Indicator, form: FormDefinition?, references: [ReferenceValue]) {
        self.explorer = explorer
        self.indicator = indicator
        self.form = form
        // By period, the total before the groups, fewer dimensions before more.
        self.references = references.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.period, lhs.element.levels.count), right = (rhs.element.period, rhs.element.levels.count)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    private var framework: Framework { explorer.framework }
    private var language: FrameworkLanguage { explorer.language }

    /// The names of the questions the computation reads, in order of first use, each once.
    static func questionNames(of measure: Computation.Measure) -> [String] {
        var names: [String] = []
        let found = measure.assessmentQuestions.map(\.name)
            + measure.expressions.flatMap { (try? Forms.Expression.parse($0.source))?.references ?? [] }
        for name in found where !names.contains(name) { names.append(name) }
        return names
    }

    func values() -> [String: Any] {
        var values = explorer.frameValues(current: nil, path: "/indicators/" + indicator.code)
        let computation = indicator.computation
        let theme = framework.theme(ofIndicator: indicator.code)
        values["indicator"] = [
            "code": indicator.code, "title": language.values(indicator.title),
            "description": language.values(indicator.description), "hasDescription": !indicator.description.isEmpty,
            "type": indicator.type.label, "typeExplanation": indicator.type.explanation,
            "unit": indicator.unit.label, "direction": indicator.direction.label,
        ] as [String: Any]
        if let theme {
            values["theme"] = ["title": language.values(theme.title), "link": explorer.link(anchor: "theme-" + theme.code)] as [String: Any]
        }
        values["rights"] = indicator.rights.map { reference -> [String: Any] in
            ["code": reference.instrument.code, "name": reference.instrument.name,
             "articles": reference.articles.joined(separator: ", "), "isPlural": reference.articles.count > 1,
             "link": explorer.link("/rights", anchor: "instrument-" + reference.instrument.code)]
        }
        values["hasRights"] = !indicator.rights.isEmpty
        values["sdg"] = indicator.sdg.map { reference -> [String: Any] in
            ["code": reference.code, "kind": reference.isIndicator ? "indicator" : "target",
             "goal": reference.goal, "link": explorer.link("/sdg", anchor: "goal-\(reference.goal)")]
        }
        values["hasSDG"] = !indicator.sdg.isEmpty
        values["groupings"] = indicator.disaggregationLabels
        values["hasGroupings"] = !indicator.disaggregation.isEmpty
        values["dimensions"] = indicator.dimensions.map { dimension -> [String: Any] in
            ["code": dimension, "label": DimensionCatalogue.label(of: dimension),
             "explanation": framework.group(dimension: dimension)?.definition.explanation ?? "Not defined in the framework's groups."]
        }
        values["computation"] = computationValues(computation)
        values["references"] = references.map(referenceValues)
        values["hasReferences"] = !references.isEmpty
        return values
    }

    private func computationValues(_ computation: Computation) -> [String: Any] {
        let measure = computation.measure
        var parts: [[String: Any]] = measure.expressions.map { ["role": $0.field.capitalized, "source": $0.source] }
        parts += measure.assessmentQuestions.map { ["role": $0.role, "source": $0.name] }
        var values: [String: Any] = [
            "kind": measure.kindLabel, "explanation": measure.explanation, "formID": computation.form,
            "formTitle": form?.settings.formTitle ?? computation.form, "hasForm": form != nil,
            "parts": parts, "isAssessment": !measure.assessmentQuestions.isEmpty,
            "questions": questionValues(Self.questionNames(of: measure)),
        ]
        if let unit = framework.questionnaire(form: computation.form)?.unit {
            values["unit"] = unit.explanation
        }
        return values
    }

    private func questionValues(_ names: [String]) -> [[String: Any]] {
        var elements: [String: FormElement] = [:]
        for (element, _) in form?.walk() ?? [] where elements[element.name] == nil { elements[element.name] = element }
        return names.map { name -> [String: Any] in
            var values: [String: Any] = ["name": name]
            if let form, let element = elements[name] {
                values["type"] = element.typeText
                if let label = language.label(of: element, in: form) {
                    values["label"] = label.text
                    if let lang = label.lang { values["lang"] = lang }
                } else {
                    values["label"] = "No label"
                }
            } else {
                values["type"] = ""
                values["label"] = form == nil ? "The questionnaire is not in this project." : "Not a question of the stored questionnaire."
            }
            return values
        }
    }

    private func referenceValues(_ reference: ReferenceValue) -> [String: Any] {
        let groups = reference.dimensions.map { dimension in
            "\(DimensionCatalogue.label(of: dimension)): \(framework.label(ofLevel: reference.levels[dimension] ?? "", dimension: dimension))"
        }
        return [
            "period": reference.period, "groups": groups.isEmpty ? "Everyone" : groups.joined(separator: "; "),
            "value": Self.number(reference.value), "standardError": reference.standardError.map(Self.number) ?? "Not given",
            "source": reference.source,
        ]
    }

    /// A number as given: "0.43", "12".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
