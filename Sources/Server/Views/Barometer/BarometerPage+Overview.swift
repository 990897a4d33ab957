import Frameworks
import Publishing
import Survey

extension BarometerPage {
    /// The overview: the headline, the state of each theme, and every gap in one chart.
    func overviewValues() -> [String: Any] {
        var values = frameValues(.overview, pagePath: roundPath)
        let summary = gapSummary(framework.indicators)
        values["headline"] = headline(summary)
        values["breakdown"] = summary.breakdown
        values["submissions"] = results.submissions.values.reduce(0, +)
        values["minimumCount"] = results.rules.minimumCount
        values["themes"] = framework.themes.map { theme -> [String: Any] in
            let themeSummary = gapSummary(theme.indicators)
            return [
                "code": theme.code, "title": language.values(theme.title), "link": themeLink(theme.code),
                "indicatorCount": theme.indicators.count, "worse": themeSummary.worse, "better": themeSummary.better,
                "same": themeSummary.noSignificantDifference, "unknown": themeSummary.notAssessable,
                "state": themeSummary.total == 0 ? "No comparison" : themeSummary.worse > 0 ? "Worse off in \(themeSummary.worse) of \(themeSummary.total)" : "Not worse off in any of \(themeSummary.total)",
            ]
        }
        if let chart = gapChart(framework.indicators, id: "overview-gaps", title: "Gaps in every area (percent indicators)") {
            values["gapChart"] = chart
        }
        return values
    }
}
