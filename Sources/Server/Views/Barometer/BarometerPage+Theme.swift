import Frameworks
import Publishing

extension BarometerPage {
    /// A theme: its indicators with their values, gaps and trends, and its gaps in one chart.
    /// - Parameter chartID: the id of the theme's gap chart, unique in the document.
    func themeValues(_ theme: Theme, chartID: String = "theme-gaps") -> [String: Any] {
        var values = frameValues(.theme(theme.code), pagePath: "\(roundPath)/themes/\(theme.code)")
        let summary = gapSummary(theme.indicators)
        values["theme"] = [
            "code": theme.code, "title": language.values(theme.title), "description": language.values(theme.description),
            "hasDescription": !theme.description.isEmpty,
        ] as [String: Any]
        values["headline"] = headline(summary)
        values["indicators"] = theme.indicators.map(indicatorSummary)
        values["hasIndicators"] = !theme.indicators.isEmpty
        if let chart = gapChart(theme.indicators, id: chartID, title: "Gaps in this theme (percent indicators)") {
            values["gapChart"] = chart
        }
        return values
    }
}
