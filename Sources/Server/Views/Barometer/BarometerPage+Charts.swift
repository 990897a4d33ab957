import Frameworks
import Publishing
import Survey

extension BarometerPage {
    /// A chart as the templates show it: the SVG (with its own title and summary for screen
    /// readers), the summary in words, and the same numbers as a table.
    struct ChartValues {
        var id: String
        var title: String
        var summary: String
        var svg: String
        var headers: [String]
        var rows: [(label: String, cells: [String])]

        var values: [String: Any] {
            [
                "id": id, "title": title, "summary": summary, "svg": svg, "headers": headers,
                "rows": rows.map { ["label": $0.label, "cells": $0.cells] as [String: Any] },
            ]
        }
    }

    /// The compared groups side by side on every percent indicator of `indicators` that has a gap.
    func gapChart(_ indicators: [Indicator], id: String, title: String) -> [String: Any]? {
        guard let comparison = results.comparison else { return nil }
        let shown = indicators.compactMap { indicator -> (Indicator, Gap)? in
            guard let gap = results[indicator.code]?.gap, indicator.unit == .percent else { return nil }
            return (indicator, gap)
        }
        guard !shown.isEmpty else { return nil }
        let rows = shown.map { indicator, gap in
            DumbbellRow(label: language.text(indicator.title), group: gap.groupValue, reference: gap.referenceValue,
                        groupNote: gap.groupValue == nil ? "suppressed or no data" : nil,
                        referenceNote: gap.referenceValue == nil ? "suppressed or no data" : nil)
        }
        let worse = shown.filter { $0.1.verdict == .significantlyWorse }.count
        let summary = "\(comparison.groupLabel) compared with \(comparison.referenceLabel.lowercased()) on \(shown.count) percent indicators: "
            + "significantly worse off on \(worse)."
        let chart = DumbbellChart(title: title, summary: summary, unit: "%", groupLabel: comparison.groupLabel,
                                  referenceLabel: comparison.referenceLabel, rows: rows, domain: 0...100)
        return ChartValues(
            id: id, title: title, summary: summary, svg: chart.svg(idPrefix: id),
            headers: ["Indicator", comparison.groupLabel, comparison.referenceLabel, "Gap (percentage points)", "Verdict"],
            rows: shown.map { indicator, gap in
                (language.text(indicator.title), [
                    gap.groupValue.map { PublishedValueText.amount($0, unit: "percent") } ?? "Suppressed or no data",
                    gap.referenceValue.map { PublishedValueText.amount($0, unit: "percent") } ?? "Suppressed or no data",
                    gap.difference.map { PublishedValueText.number($0.value) } ?? "",
                    PublishedValueText.gapVerdict(gap.verdict).label,
                ])
            }).values
    }

    /// One grouping of an indicator as bars with their confidence intervals.
    func breakdownChart(_ indicator: Indicator, published: PublishedIndicator, grouping: [String], id: String) -> [String: Any] {
        let unit = published.unit
        let domains = published.values.filter { $0.dimensions == grouping }
        let groupingLabel = grouping.map(DimensionCatalogue.label(of:)).joined(separator: " × ")
        let title = "\(language.text(indicator.title)) by \(groupingLabel.lowercased())"
        let bars = domains.map { value in
            ChartBar(label: domainLabel(dimensions: value.dimensions, levels: value.levels), value: value.isSuppressed ? nil : value.value,
                     low: value.isSuppressed ? nil : value.ciLow, high: value.isSuppressed ? nil : value.ciHigh,
                     note: value.value == nil || value.isSuppressed ? PublishedValueText.chartNote(value) : nil)
        }
        let shown = domains.filter { !$0.isSuppressed && $0.value != nil }
        let suppressed = domains.filter(\.isSuppressed).count
        var summary = "\(shown.count) groups shown"
        if let high = shown.max(by: { ($0.value ?? 0) < ($1.value ?? 0) }), let low = shown.min(by: { ($0.value ?? 0) < ($1.value ?? 0) }),
           shown.count > 1, let highValue = high.value, let lowValue = low.value {
            summary += ": highest \(domainLabel(dimensions: high.dimensions, levels: high.levels)) (\(PublishedValueText.amount(highValue, unit: unit))), "
                + "lowest \(domainLabel(dimensions: low.dimensions, levels: low.levels)) (\(PublishedValueText.amount(lowValue, unit: unit)))"
        }
        summary += suppressed > 0 ? "; \(suppressed) suppressed to protect respondents." : "."
        let chart = BarChart(title: title, summary: summary, unit: Self.chartUnit(unit), bars: bars, domain: unit == "percent" ? 0...100 : nil)
        return ChartValues(
            id: id, title: title, summary: summary, svg: chart.svg(idPrefix: id),
            headers: [groupingLabel, "Value", "95% confidence interval", "Respondents"],
            rows: domains.map { value in
                (domainLabel(dimensions: value.dimensions, levels: value.levels), [
                    PublishedValueText.value(value, unit: unit), PublishedValueText.interval(value, unit: unit),
                    PublishedValueText.respondents(value),
                ])
            }).values
    }

    /// The indicator across the public rounds so far: everyone, and the compared groups.
    func trendChart(_ indicator: Indicator, unit: String, id: String) -> (chart: [String: Any], trends: [IndicatorTrend])? {
        let rounds = barometer.rounds(through: current.round.number)
        guard rounds.count > 1 else { return nil }
        var domains: [(label: String, dimensions: [String], levels: [String])] = [("Everyone", [], [])]
        if let comparison = results.comparison, indicator.disaggregation.contains([comparison.dimension]) {
            domains.append((comparison.groupLabel, [comparison.dimension], [comparison.group]))
            domains.append((comparison.referenceLabel, [comparison.dimension], [comparison.reference]))
        }
        let trends = domains.map { IndicatorTrend(code: indicator.code, dimensions: $0.dimensions, levels: $0.levels, rounds: rounds, direction: indicator.direction) }
        guard trends.contains(where: \.hasTrend) else { return nil }
        let periods = rounds.sorted { $0.round < $1.round }.map(\.period)
        let series = zip(domains, trends).map { domain, trend in
            TrendSeries(label: domain.label, points: trend.points.map { point in
                let shown = point.value.flatMap { $0.isSuppressed ? nil : $0 }
                return TrendChartPoint(period: point.period, value: shown?.value, low: shown?.ciLow, high: shown?.ciHigh)
            })
        }
        let title = "\(language.text(indicator.title)) across rounds"
        var summary = "Values in \(periods.count) rounds (\(periods.joined(separator: ", ")))."
        if let change = trends.first?.change {
            summary += " For everyone: " + PublishedValueText.changeVerdict(change.verdict).label.lowercased()
            if let measure = change.change {
                summary += " (\(measure.value >= 0 ? "+" : "")\(PublishedValueText.number(measure.value)) \(PublishedValueText.differenceUnit(unit)))"
            }
            summary += "."
        }
        let chart = TrendChart(title: title, summary: summary, unit: Self.chartUnit(unit), periods: periods, series: series,
                               domain: unit == "percent" ? 0...100 : nil)
        let values = ChartValues(
            id: id, title: title, summary: summary, svg: chart.svg(idPrefix: id),
            headers: ["Group"] + periods,
            rows: zip(domains, trends).map { domain, trend in
                (domain.label, trend.points.map { PublishedValueText.value($0.value, unit: unit) })
            }).values
        return (values, trends)
    }

    static func chartUnit(_ unit: String) -> String {
        switch unit {
        case "percent": "%"
        case "years": " years"
        default: ""
        }
    }
}
