import Frameworks
import Publishing
import Survey

extension BarometerPage {
    /// An indicator in full: its value, the gap, the trend, every breakdown, what it monitors and how
    /// it was computed.
    /// - Parameters:
    ///   - idPrefix: put before the ids of the page's charts, so several indicators share a document (the report).
    ///   - breakdownCharts: whether to draw a chart per breakdown (the report shows them as tables).
    func indicatorValues(_ indicator: Indicator, idPrefix: String = "", breakdownCharts: Bool = true) -> [String: Any] {
        var values = frameValues(.indicator, pagePath: "\(roundPath)/indicators/\(indicator.code)")
        let published = results[indicator.code]
        let unit = published?.unit ?? indicator.unit.rawValue
        values["indicator"] = [
            "code": indicator.code, "title": language.values(indicator.title), "description": language.values(indicator.description),
            "hasDescription": !indicator.description.isEmpty, "type": indicator.type.label, "typeExplanation": indicator.type.explanation,
            "unit": indicator.unit.label, "direction": indicator.direction.label,
            "explorerLink": link("\(projectPath)/framework/indicators/\(indicator.code)"),
        ] as [String: Any]
        if let theme = framework.theme(ofIndicator: indicator.code) {
            values["theme"] = ["title": language.values(theme.title), "link": themeLink(theme.code)] as [String: Any]
        }
        if let published {
            if let assessment = published.assessment {
                values["assessment"] = [
                    "answer": assessment.isComplete ? assessment.answer?.label ?? "" : "Not shown",
                    "evidence": assessment.isComplete ? assessment.evidence ?? "" : assessment.missingReason ?? "",
                    "source": assessment.isComplete ? assessment.source ?? "" : "",
                ] as [String: Any]
            } else if let overall = published.overall {
                values["estimate"] = [
                    "value": PublishedValueText.value(overall, unit: unit), "interval": PublishedValueText.interval(overall, unit: unit),
                    "respondents": PublishedValueText.respondents(overall), "isUnreliable": overall.isUnreliable,
                ] as [String: Any]
            }
            if let reason = published.noDataReason { values["noData"] = reason }
            if let gap = published.gap, let comparison = results.comparison {
                values["gap"] = gapValues(gap, comparison: comparison, unit: unit)
            }
            let groupings = indicator.disaggregation.filter { grouping in published.values.contains { $0.dimensions == grouping } }
            if breakdownCharts {
                values["breakdowns"] = groupings.enumerated().map { index, grouping in
                    breakdownChart(indicator, published: published, grouping: grouping, id: "\(idPrefix)breakdown-\(index + 1)")
                }
            }
            values["hasBreakdowns"] = !groupings.isEmpty
        } else {
            values["noData"] = "This indicator was not part of the round when it was published."
        }
        if let (chart, trends) = trendChart(indicator, unit: unit, id: idPrefix + "trend") {
            values["trendChart"] = chart
            values["trendVerdicts"] = trends.compactMap { trend -> [String: Any]? in
                guard let change = trend.change else { return nil }
                let verdict = PublishedValueText.changeVerdict(change.verdict)
                return ["group": domainLabel(dimensions: trend.dimensions, levels: trend.levels), "label": verdict.label, "key": verdict.key,
                        "explanation": PublishedValueText.reason(change.verdict.description)]
            }
        }
        values["rights"] = indicator.rights.map { reference -> [String: Any] in
            ["code": reference.instrument.code, "name": reference.instrument.name, "articles": reference.articles.joined(separator: ", "),
             "isPlural": reference.articles.count > 1]
        }
        values["hasRights"] = !indicator.rights.isEmpty
        values["sdg"] = indicator.sdg.map { ["code": $0.code, "kind": $0.isIndicator ? "indicator" : "target", "goal": $0.goal] as [String: Any] }
        values["hasSDG"] = !indicator.sdg.isEmpty
        values["methodology"] = methodologyValues(indicator)
        return values
    }

    private func gapValues(_ gap: Gap, comparison: ComparedGroups, unit: String) -> [String: Any] {
        let verdict = PublishedValueText.gapVerdict(gap.verdict)
        var values: [String: Any] = [
            "groupLabel": comparison.groupLabel, "referenceLabel": comparison.referenceLabel,
            "groupValue": gap.groupValue.map { PublishedValueText.amount($0, unit: unit) } ?? "Suppressed or no data",
            "referenceValue": gap.referenceValue.map { PublishedValueText.amount($0, unit: unit) } ?? "Suppressed or no data",
            "label": verdict.label, "key": verdict.key, "explanation": PublishedValueText.reason(gap.verdict.description),
        ]
        if let difference = gap.difference {
            let differenceUnit = PublishedValueText.differenceUnit(unit)
            values["difference"] = "\(difference.value >= 0 ? "+" : "")\(PublishedValueText.number(difference.value)) \(differenceUnit)"
            values["differenceInterval"] = "\(PublishedValueText.number(difference.interval.lower)) to \(PublishedValueText.number(difference.interval.upper)) \(differenceUnit)"
        }
        if let ratio = gap.ratio { values["ratio"] = String(format: "%.2f", ratio.value) }
        let chart = DumbbellChart(
            title: "Gap between \(comparison.groupLabel.lowercased()) and \(comparison.referenceLabel.lowercased())",
            summary: "\(comparison.groupLabel): \(values["groupValue"] ?? ""); \(comparison.referenceLabel.lowercased()): \(values["referenceValue"] ?? ""). \(verdict.label).",
            unit: Self.chartUnit(unit), groupLabel: comparison.groupLabel, referenceLabel: comparison.referenceLabel,
            rows: [DumbbellRow(label: "Everyone in the group", group: gap.groupValue, reference: gap.referenceValue,
                               groupNote: gap.groupValue == nil ? "suppressed" : nil, referenceNote: gap.referenceValue == nil ? "suppressed" : nil)],
            domain: unit == "percent" ? 0...100 : nil)
        values["svg"] = chart.svg(idPrefix: "gap")
        return values
    }

    private func methodologyValues(_ indicator: Indicator) -> [String: Any] {
        let computation = indicator.computation
        var values: [String: Any] = [
            "kind": computation.measure.kindLabel, "explanation": computation.measure.explanation, "formID": computation.form,
            "submissions": results.submissions[computation.form] ?? 0, "minimumCount": results.rules.minimumCount,
            "computedAt": Self.day(results.computedAt), "frameworkVersion": results.frameworkVersion,
        ]
        if let unit = framework.questionnaire(form: computation.form)?.unit { values["unitOfAnalysis"] = unit.explanation }
        return values
    }
}
