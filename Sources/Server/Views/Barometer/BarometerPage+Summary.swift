import Frameworks
import Publishing
import Survey

extension BarometerPage {
    /// One indicator in a line of a table: its value for everyone, the compared groups, the gap's
    /// verdict and the change since the previous round.
    func indicatorSummary(_ indicator: Indicator) -> [String: Any] {
        let published = results[indicator.code]
        let unit = published?.unit ?? indicator.unit.rawValue
        var values: [String: Any] = [
            "code": indicator.code, "title": language.values(indicator.title), "link": indicatorLink(indicator.code),
            "type": indicator.type.label,
        ]
        if let assessment = published?.assessment {
            values["value"] = assessment.isComplete ? assessment.answer?.label ?? "No data" : "No data"
        } else {
            values["value"] = PublishedValueText.value(published?.overall, unit: unit)
        }
        values["interval"] = PublishedValueText.interval(published?.overall, unit: unit)
        if let comparison = results.comparison, let published {
            values["groupValue"] = PublishedValueText.value(published.value(dimensions: [comparison.dimension], levels: [comparison.group]), unit: unit)
            values["referenceValue"] = PublishedValueText.value(published.value(dimensions: [comparison.dimension], levels: [comparison.reference]), unit: unit)
        }
        if let gap = published?.gap {
            let verdict = PublishedValueText.gapVerdict(gap.verdict)
            values["gap"] = ["label": verdict.label, "key": verdict.key] as [String: Any]
        } else {
            values["gap"] = ["label": "Not compared", "key": "none"] as [String: Any]
        }
        let trend = IndicatorTrend(code: indicator.code, rounds: barometer.rounds(through: current.round.number), direction: indicator.direction)
        if let change = trend.change {
            let verdict = PublishedValueText.changeVerdict(change.verdict)
            values["trend"] = ["label": verdict.label, "key": verdict.key] as [String: Any]
        } else {
            values["trend"] = ["label": trend.points.count < 2 ? "First round" : "Not enough data", "key": "none"] as [String: Any]
        }
        return values
    }

    /// The gaps of some indicators counted: "Worse off in 3 of 8 areas".
    func gapSummary(_ indicators: [Indicator]) -> GapSummary {
        GapSummary(gaps: indicators.compactMap { results[$0.code]?.gap })
    }

    /// The headline of a set of gaps, naming the compared groups.
    func headline(_ summary: GapSummary) -> String {
        guard let comparison = results.comparison else { return "This framework compares no groups." }
        guard summary.total > 0 else { return "No indicator compares \(comparison.groupLabel.lowercased()) with \(comparison.referenceLabel.lowercased()) in this round." }
        return "Compared with \(comparison.referenceLabel.lowercased()), \(comparison.groupLabel.lowercased()) are " + summary.sentence.prefix(1).lowercased() + summary.sentence.dropFirst()
    }
}
