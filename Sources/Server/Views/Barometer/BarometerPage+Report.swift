import Frameworks
import Publishing

extension BarometerPage {
    /// The printable report of the round: methodology, the headline, each theme with its gaps and
    /// each indicator with its numbers, trend and breakdowns as tables. One self-contained page
    /// (the stylesheet inside it), so that a browser prints it and headless Chromium renders it to
    /// PDF from a file.
    func reportValues(stylesheet: String) -> [String: Any] {
        var values = overviewValues()
        values["stylesheet"] = stylesheet
        values["lang"] = language.code
        values["pdfLink"] = link(roundPath + "/report.pdf")
        values["projectDescription"] = barometer.project.description
        values["frameworkDescription"] = language.values(framework.description)
        values["reportThemes"] = framework.themes.enumerated().map { index, theme -> [String: Any] in
            // Ids stay unique in one document.
            var themeValues = self.themeValues(theme, chartID: "report-theme-\(index + 1)")
            themeValues["details"] = theme.indicators.enumerated().map { position, indicator -> [String: Any] in
                let prefix = "report-\(index + 1)-\(position + 1)"
                var details = indicatorValues(indicator, idPrefix: prefix + "-", breakdownCharts: false)
                details["anchor"] = prefix
                if let published = results[indicator.code] {
                    details["breakdownTables"] = indicator.disaggregation.filter { grouping in published.values.contains { $0.dimensions == grouping } }
                        .map { grouping -> [String: Any] in
                            ["title": grouping.map(DimensionCatalogue.label(of:)).joined(separator: " × "), "anchor": prefix,
                             "key": grouping.joined(separator: "-"),
                             "rows": published.values.filter { $0.dimensions == grouping }.map { value -> [String: Any] in
                                 ["label": domainLabel(dimensions: value.dimensions, levels: value.levels),
                                  "value": PublishedValueText.value(value, unit: published.unit),
                                  "interval": PublishedValueText.interval(value, unit: published.unit),
                                  "respondents": PublishedValueText.respondents(value)]
                             }]
                        }
                }
                return details
            }
            return themeValues
        }
        return values
    }
}
