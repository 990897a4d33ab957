import Foundation
import Testing
@testable import Publishing

/// The charts of the public pages: well-formed SVG, named for assistive technology, readable at
/// 320 px and in greyscale, and drawn to scale. Every SVG is read back with XMLParser (``XMLTree``) and the
/// numbers are checked against the inputs, not against stored output.
@Suite("Charts")
struct ChartTests {
    // MARK: Sample charts

    static let bars = BarChart(
        title: "People in paid work",
        summary: "Share of people aged 15 to 64 in paid work, by disability status.",
        unit: "%",
        bars: [
            ChartBar(label: "Persons with disabilities", value: 31.4, low: 27.0, high: 35.9),
            ChartBar(label: "Persons without disabilities", value: 62.5, low: 59.1, high: 65.8),
            ChartBar(label: "Persons with psychosocial disabilities living in rural areas", value: nil, note: "suppressed"),
            ChartBar(label: "Deaf persons", value: 12.5),
        ],
        domain: 0...100)

    static let gaps = DumbbellChart(
        title: "Gap in paid work by region",
        summary: "Persons with disabilities are less often in paid work in every region.",
        unit: "%", groupLabel: "Persons with disabilities", referenceLabel: "Persons without disabilities",
        rows: [
            DumbbellRow(label: "North", group: 28.0, reference: 61.0),
            DumbbellRow(label: "South", group: 35.5, reference: 58.25),
            DumbbellRow(label: "Islands", group: 40.0, reference: 40.0),
            DumbbellRow(label: "East", group: 22.0, reference: nil, referenceNote: "suppressed"),
        ],
        domain: 0...100)

    static let trend = TrendChart(
        title: "Paid work over time",
        summary: "Paid work rose for both groups, faster for persons without disabilities.",
        unit: "%",
        periods: ["2020", "2021", "2022", "2023", "2024"],
        series: [
            TrendSeries(label: "Persons with disabilities", points: [
                TrendChartPoint(period: "2020", value: 40, low: 36, high: 44),
                TrendChartPoint(period: "2021", value: 42, low: 38, high: 46),
                TrendChartPoint(period: "2022", value: nil),
                TrendChartPoint(period: "2023", value: 50, low: 45, high: 55),
                TrendChartPoint(period: "2024", value: 55),
            ]),
            TrendSeries(label: "Persons without disabilities", points: [
                TrendChartPoint(period: "2020", value: 60),
                TrendChartPoint(period: "2021", value: 61),
                TrendChartPoint(period: "2022", value: 63),
                TrendChartPoint(period: "2023", value: 64),
                TrendChartPoint(period: "2024", value: 66, low: 63, high: 69),
            ]),
        ])

    static let tricky = #"Women <18 & "others" 'here'"#

    /// Every kind of chart, with data, with tricky text and without data.
    static var samples: [(name: String, svg: String)] {
        [
            ("bars", bars.svg(idPrefix: "bars")),
            ("bars in years", BarChart(title: "Life expectancy", summary: "Years.", unit: "years",
                                       bars: [ChartBar(label: "A", value: 61.2), ChartBar(label: "B", value: -3.5, low: -6, high: -1)])
                .svg(idPrefix: "years")),
            ("gaps", gaps.svg(idPrefix: "gaps")),
            ("trend", trend.svg(idPrefix: "trend")),
            ("tricky bars", BarChart(title: tricky, summary: tricky, bars: [ChartBar(label: tricky, value: 3, note: tricky)])
                .svg(idPrefix: tricky)),
            ("tricky gaps", DumbbellChart(title: tricky, summary: tricky, groupLabel: tricky, referenceLabel: tricky,
                                          rows: [DumbbellRow(label: tricky, group: 1, reference: nil, referenceNote: tricky)])
                .svg(idPrefix: tricky)),
            ("tricky trend", TrendChart(title: tricky, summary: tricky, unit: tricky, periods: [tricky],
                                        series: [TrendSeries(label: tricky, points: [TrendChartPoint(period: tricky, value: 2)])])
                .svg(idPrefix: tricky)),
            ("empty bars", BarChart(title: "Nothing", summary: "None.", bars: [ChartBar(label: "A", value: nil, note: "suppressed")])
                .svg(idPrefix: "e1")),
            ("empty gaps", DumbbellChart(title: "Nothing", summary: "None.", groupLabel: "G", referenceLabel: "R", rows: [])
                .svg(idPrefix: "e2")),
            ("empty trend", TrendChart(title: "Nothing", summary: "None.", periods: ["2024"],
                                       series: [TrendSeries(label: "A", points: [TrendChartPoint(period: "2024", value: nil)])])
                .svg(idPrefix: "e3")),
        ]
    }

    // MARK: Markup and accessibility

    @Test("every chart is well-formed XML with an svg root")
    func wellFormed() throws {
        for sample in Self.samples {
            let root = try XMLTree.svg(sample.svg)
            #expect(root.name == "svg", "\(sample.name)")
            #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg", "\(sample.name)")
        }
    }

    @Test("role img, and aria-labelledby names the title and desc by their unique ids")
    func accessibleName() throws {
        let charts: [(svg: String, title: String, summary: String)] = [
            (Self.bars.svg(idPrefix: "p1"), Self.bars.title, Self.bars.summary),
            (Self.gaps.svg(idPrefix: "p1"), Self.gaps.title, Self.gaps.summary),
            (Self.trend.svg(idPrefix: "p1"), Self.trend.title, Self.trend.summary),
            (BarChart(title: Self.tricky, summary: Self.tricky, bars: []).svg(idPrefix: "p1"), Self.tricky, Self.tricky),
        ]
        for chart in charts {
            let root = try XMLTree.svg(chart.svg)
            #expect(root.attributes["role"] == "img")
            let title = try #require(root.children.first)
            let desc = try #require(root.children.dropFirst().first)
            #expect(title.name == "title" && desc.name == "desc")
            #expect(title.text == chart.title)
            #expect(desc.text == chart.summary)
            let labelledBy = root.attributes["aria-labelledby"]?.split(separator: " ").map(String.init)
            #expect(labelledBy == [title.attributes["id"], desc.attributes["id"]].compactMap { $0 })
            #expect(labelledBy?.count == 2 && labelledBy?.allSatisfy { $0.hasPrefix("p1") } == true)
            let ids = root.nodes.compactMap { $0.attributes["id"] }
            #expect(Set(ids).count == ids.count, "ids are unique in the chart")
        }
        // Two charts in one page with different prefixes share no id.
        let first = try XMLTree.svg(Self.bars.svg(idPrefix: "indicator-1"))
        let second = try XMLTree.svg(Self.bars.svg(idPrefix: "indicator-2"))
        #expect(Set(first.nodes.compactMap { $0.attributes["id"] })
            .isDisjoint(with: second.nodes.compactMap { $0.attributes["id"] }))
    }

    @Test("an id prefix with spaces, quotes or markup becomes one valid id token")
    func idsAreEscaped() throws {
        for prefix in [#"a b"><script>x</script>"#, "1st chart", "", "ünï"] {
            let svg = Self.bars.svg(idPrefix: prefix)
            #expect(!svg.contains("<script"))
            let root = try XMLTree.svg(svg)
            let references = try #require(root.attributes["aria-labelledby"]).split(separator: " ")
            #expect(references.count == 2)
            for reference in references {
                #expect(reference.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
                #expect(reference.first?.isLetter == true)
                #expect(root.nodes.contains { $0.attributes["id"] == String(reference) })
            }
        }
    }

    @Test("labels, titles, notes and units with < & and quotes are escaped and read back unchanged")
    func textIsEscaped() throws {
        for sample in Self.samples where sample.name.hasPrefix("tricky") {
            #expect(!sample.svg.contains("<18"), "\(sample.name)")
            #expect(sample.svg.contains("&lt;18 &amp; &quot;others&quot;") || sample.svg.contains("&lt;18"), "\(sample.name)")
            let root = try XMLTree.svg(sample.svg)
            #expect(root.children.first?.text == Self.tricky)
            let texts = root.nodes.filter { $0.name == "text" }.map(\.text)
            #expect(texts.allSatisfy { !$0.contains("&amp;") && !$0.contains("&lt;") }, "escaped exactly once")
        }
        // A control character pasted with a label cannot make the SVG ill-formed.
        _ = try XMLTree.svg(BarChart(title: "T\u{1}", summary: "S", bars: [ChartBar(label: "A\u{0}B\u{1b}", value: 3)]).svg(idPrefix: "c"))
        // A label short enough not to wrap reads back as written.
        let svg = BarChart(title: "T", summary: "S", bars: [ChartBar(label: Self.tricky, value: 3)]).svg(idPrefix: "t")
        let labels = try XMLTree.svg(svg).nodes.filter { $0.className == "chart-label" }.map(\.text)
        #expect(labels == [Self.tricky])
    }

    @Test("the same chart always gives the same bytes")
    func deterministic() {
        for sample in Self.samples {
            let again = Self.samples.first { $0.name == sample.name }?.svg
            #expect(again == sample.svg, "\(sample.name)")
        }
        #expect(Self.trend.svg(idPrefix: "x") == TrendChart(title: Self.trend.title, summary: Self.trend.summary, unit: Self.trend.unit,
                                                           periods: Self.trend.periods, series: Self.trend.series).svg(idPrefix: "x"))
    }

    @Test("a chart without any value is still an image with its title, and says there is no data")
    func emptyCharts() throws {
        for sample in Self.samples where sample.name.hasPrefix("empty") {
            let root = try XMLTree.svg(sample.svg)
            #expect(root.children.first?.text == "Nothing")
            #expect(root.nodes.contains { $0.name == "text" && $0.text == "No data to chart" }, "\(sample.name)")
            #expect(!root.nodes.contains { ["rect", "circle", "path"].contains($0.name) }, "\(sample.name)")
        }
    }

    @Test("infinite, NaN and enormous numbers neither crash nor break the markup")
    func extremeValues() throws {
        let charts = [
            BarChart(title: "T", summary: "S", bars: [ChartBar(label: "A", value: .infinity), ChartBar(label: "B", value: .nan, low: .nan, high: 1),
                                                      ChartBar(label: "C", value: 1e300, low: -1e300, high: .greatestFiniteMagnitude)]).svg(idPrefix: "x"),
            DumbbellChart(title: "T", summary: "S", groupLabel: "G", referenceLabel: "R",
                          rows: [DumbbellRow(label: "A", group: -.greatestFiniteMagnitude, reference: .greatestFiniteMagnitude)]).svg(idPrefix: "y"),
            TrendChart(title: "T", summary: "S", periods: ["1"], series: [TrendSeries(label: "A", points: [TrendChartPoint(period: "1", value: 1e-310)])])
                .svg(idPrefix: "z"),
        ]
        for svg in charts {
            let root = try XMLTree.svg(svg)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
            #expect(root.nodes.dropFirst().allSatisfy { node in ["x", "y", "width", "height", "cx", "cy"].allSatisfy { node.attributes[$0].map { Double($0) != nil } ?? true } })
        }
        // A NaN value is no value: it gets a note, not a bar.
        let root = try XMLTree.svg(BarChart(title: "T", summary: "S", bars: [ChartBar(label: "A", value: 2), ChartBar(label: "B", value: .nan)]).svg(idPrefix: "n"))
        #expect(root.nodes.filter { $0.className == "chart-bar" }.count == 1)
        #expect(root.nodes.filter { $0.className == "chart-note" }.map(\.text) == ["no data"])
    }

    // MARK: 320 px and greyscale

    @Test("the viewBox is at most 640 wide, the width is relative, and text is at least 12 px on a 320 px screen")
    func narrowScreens() throws {
        for sample in Self.samples {
            let root = try XMLTree.svg(sample.svg)
            let box = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
            try #require(box.count == 4)
            #expect(box[2] <= 640 && box[2] > 0 && box[3] > 0, "\(sample.name)")
            #expect(root.attributes["width"] == "100%")
            #expect(root.attributes["height"] == nil)
            let sizes = root.nodes.compactMap { $0.attributes["font-size"] }.map { Double($0) }
            #expect(!sizes.isEmpty && root.attributes["font-size"] != nil)
            for size in sizes {
                let size = try #require(size, "font sizes are plain numbers of viewBox units")
                #expect(size * 320 / box[2] >= 12, "\(sample.name): font-size \(size) is under 12 px at 320 px")
            }
            // Text estimated at 0.55 em a character (a little over common sans-serif faces) stays inside the viewBox.
            let fontSize = try #require(root.attributes["font-size"].flatMap(Double.init))
            for text in root.nodes where text.name == "text" {
                let x = try #require(text.number("x"))
                let width = Double(text.text.count) * fontSize * 0.55
                let (start, end): (Double, Double) = switch text.attributes["text-anchor"] {
                case "middle": (x - width / 2, x + width / 2)
                case "end": (x - width, x)
                default: (x, x + width)
                }
                #expect(start >= -1 && end <= box[2] + 1, "\(sample.name): '\(text.text)' runs from \(start) to \(end)")
            }
        }
    }

    @Test("a long category label wraps onto lines above its bar instead of running off the chart")
    func longLabelsWrap() throws {
        let label = "Persons with psychosocial disabilities living in rural areas of the northern provinces"
        let root = try XMLTree.svg(BarChart(title: "T", summary: "S", bars: [ChartBar(label: label, value: 5)]).svg(idPrefix: "w"))
        let lines = root.nodes.filter { $0.className == "chart-label" }
        #expect(lines.count == 2)
        #expect(lines.map(\.text).joined(separator: " ") == label || lines.last?.text.hasSuffix("…") == true)
        let bar = try #require(root.nodes.first { $0.className == "chart-bar" })
        #expect(lines.allSatisfy { ($0.number("y") ?? .infinity) < (bar.number("y") ?? 0) }, "labels sit above the bar")
    }

    @Test("fixed colours have at least 3:1 contrast against white, except the gridlines")
    func contrast() throws {
        for sample in Self.samples {
            for node in try XMLTree.svg(sample.svg).nodes where node.className != "chart-grid" {
                for key in ["fill", "stroke"] {
                    guard let colour = node.attributes[key], colour.hasPrefix("#") else { continue }
                    let ratio = try #require(Self.contrastAgainstWhite(colour))
                    #expect(ratio >= 3, "\(sample.name): \(key) \(colour) on \(node.name) has \(ratio):1")
                }
            }
        }
    }

    // MARK: Bars

    @Test("a suppressed bar draws no rect and shows its note where the bar would be")
    func suppressedBar() throws {
        let root = try XMLTree.svg(Self.bars.svg(idPrefix: "s"))
        let rows = root.nodes.filter { $0.className == "chart-row" }
        try #require(rows.count == Self.bars.bars.count)
        for (row, bar) in zip(rows, Self.bars.bars) {
            let rects = row.nodes.filter { $0.name == "rect" }
            let notes = row.nodes.filter { $0.className == "chart-note" }
            if bar.value == nil {
                #expect(rects.isEmpty)
                #expect(!row.nodes.contains { $0.className == "chart-whisker" })
                #expect(notes.map(\.text) == [bar.note].compactMap { $0 })
                #expect(!row.nodes.contains { $0.className == "chart-value" })
            } else {
                #expect(rects.count == 1)
                #expect(notes.isEmpty)
                #expect(row.nodes.first { $0.className == "chart-value" }?.text == ChartNumber.format(bar.value ?? 0) + "%")
            }
        }
        // Without a note, the gap still says why.
        let bare = try XMLTree.svg(BarChart(title: "T", summary: "S", bars: [ChartBar(label: "A", value: 1), ChartBar(label: "B", value: nil)])
            .svg(idPrefix: "n"))
        #expect(bare.nodes.filter { $0.className == "chart-note" }.map(\.text) == ["no data"])
        #expect(bare.nodes.filter { $0.name == "rect" }.count == 1)
    }

    @Test("bar lengths are proportional to the values and agree with the axis", arguments: [true, false])
    func barsToScale(fixedDomain: Bool) throws {
        var chart = Self.bars
        chart.domain = fixedDomain ? 0...100 : nil
        let root = try XMLTree.svg(chart.svg(idPrefix: "b"))
        let rects = root.nodes.filter { $0.className == "chart-bar" }
        let values = chart.bars.compactMap(\.value)
        try #require(rects.count == values.count)
        let starts = try rects.map { try #require($0.number("x")) }
        #expect(Set(starts).count == 1, "every bar starts at the same baseline")
        let widths = try rects.map { try #require($0.number("width")) }
        for (width, value) in zip(widths, values) {
            #expect(abs(width / widths[0] - value / values[0]) < 0.001, "bar of \(value) is \(width) long")
        }
        // The axis maps values the same way: the bar's end is where the tick labels put its value.
        let axis = try Self.axis(root, horizontal: true)
        for (rect, value) in zip(rects, values) {
            let end = (rect.number("x") ?? 0) + (rect.number("width") ?? 0)
            #expect(abs(end - axis(value)) < 0.02)
            #expect(abs((rect.number("x") ?? 0) - axis(0)) < 0.02, "bars start at zero")
        }
        if fixedDomain {
            let ticks = root.nodes.filter { $0.className == "chart-tick" }.map(\.text)
            #expect(ticks.first == "0%" && ticks.last == "100%")
        }
    }

    @Test("whiskers span low to high in the same coordinates as the bars, also below zero")
    func whiskers() throws {
        let chart = BarChart(title: "T", summary: "S", unit: "years", bars: [
            ChartBar(label: "Up", value: 40, low: 35, high: 46),
            ChartBar(label: "Down", value: -10, low: -14, high: -6),
            ChartBar(label: "No interval", value: 20),
        ])
        let root = try XMLTree.svg(chart.svg(idPrefix: "w"))
        let baseline = try #require(root.nodes.first { $0.className == "chart-baseline" }?.number("x1"))
        let rows = root.nodes.filter { $0.className == "chart-row" }
        try #require(rows.count == 3)
        for (row, bar) in zip(rows, chart.bars) {
            let value = try #require(bar.value)
            let rect = try #require(row.nodes.first { $0.className == "chart-bar" })
            let x = try #require(rect.number("x")), width = try #require(rect.number("width"))
            let end = value < 0 ? x : x + width
            #expect(abs((value < 0 ? x + width : x) - baseline) < 0.02, "the bar starts at zero")
            let perUnit = (end - baseline) / value
            let span = row.nodes.first { $0.className == "chart-whisker-span" }
            guard let low = bar.low, let high = bar.high else {
                #expect(span == nil)
                continue
            }
            let drawn = try #require(span)
            let x1 = try #require(drawn.number("x1")), x2 = try #require(drawn.number("x2"))
            #expect(abs(x1 - (baseline + low * perUnit)) < 0.05)
            #expect(abs(x2 - (baseline + high * perUnit)) < 0.05)
            let caps = row.nodes.filter { $0.className == "chart-whisker-cap" }.compactMap { $0.number("x1") }
            #expect(caps.count == 2 && abs(caps[0] - x1) < 0.01 && abs(caps[1] - x2) < 0.01)
            // The value is written past the whisker, on the side the bar grows to.
            let label = try #require(row.nodes.first { $0.className == "chart-value" })
            #expect(label.text == ChartNumber.format(value))
            if value > 0 { #expect((label.number("x") ?? 0) > max(x1, x2)) } else { #expect((label.number("x") ?? 0) < min(x1, x2)) }
        }
        #expect(root.nodes.contains { $0.className == "chart-unit" && $0.text == "years" })
    }

    // MARK: Gaps

    @Test("group and reference are told apart by shape and fill, the legend uses the same shapes, the line joins them")
    func dumbbellShapes() throws {
        let root = try XMLTree.svg(Self.gaps.svg(idPrefix: "g"))
        let legend = try #require(root.nodes.first { $0.className == "chart-legend" })
        let rows = root.nodes.filter { $0.className == "chart-row" }
        try #require(rows.count == Self.gaps.rows.count)
        let groups = root.nodes.filter { $0.className == "chart-marker-group" }
        let references = root.nodes.filter { $0.className == "chart-marker-reference" }
        #expect(groups.count == Self.gaps.rows.count { $0.group != nil } + 1)
        #expect(references.count == Self.gaps.rows.count { $0.reference != nil } + 1)
        let groupShapes = Set(groups.map(\.shape)), referenceShapes = Set(references.map(\.shape))
        #expect(groupShapes.count == 1 && referenceShapes.count == 1, "one shape per side, legend included")
        #expect(groupShapes.isDisjoint(with: referenceShapes))
        #expect(legend.nodes.filter { $0.className == "chart-legend-label" }.map(\.text)
            == [Self.gaps.groupLabel, Self.gaps.referenceLabel])

        let axis = try Self.axis(root, horizontal: true)
        for (row, data) in zip(rows, Self.gaps.rows) {
            let group = row.nodes.first { $0.className == "chart-marker-group" }
            let reference = row.nodes.first { $0.className == "chart-marker-reference" }
            #expect((group != nil) == (data.group != nil) && (reference != nil) == (data.reference != nil))
            if let value = data.group, let group { #expect(abs((group.centreX ?? 0) - axis(value)) < 0.05) }
            if let value = data.reference, let reference { #expect(abs((reference.centreX ?? 0) - axis(value)) < 0.05) }
            let line = row.nodes.first { $0.className == "chart-gap" }
            if let g = data.group, let r = data.reference, g != r {
                let drawn = try #require(line)
                let ends = [drawn.number("x1") ?? 0, drawn.number("x2") ?? 0]
                #expect(ends.min() ?? 0 > min(axis(g), axis(r)) && ends.max() ?? 0 < max(axis(g), axis(r)), "the line runs between the marks")
            } else {
                #expect(line == nil)
            }
            let values = row.nodes.filter { $0.className == "chart-value" }.map(\.text)
            #expect(values.sorted() == [data.group, data.reference].compactMap { $0 }.map { ChartNumber.format($0) + "%" }.sorted())
            if data.reference == nil {
                #expect(row.nodes.filter { $0.className == "chart-note" }.map(\.text)
                    == [Self.gaps.referenceLabel + ": " + (data.referenceNote ?? "")])
            }
        }
    }

    // MARK: Trends

    @Test("a trend line breaks at a missing value and never joins across it")
    func trendBreaks() throws {
        let root = try XMLTree.svg(Self.trend.svg(idPrefix: "t"))
        let periods = root.nodes.filter { $0.className == "chart-period" }
        #expect(periods.map(\.text) == Self.trend.periods)
        let periodX = periods.compactMap { $0.number("x") }
        let step = periodX[1] - periodX[0]
        let series = root.nodes.filter { $0.className == "chart-series" }
        try #require(series.count == Self.trend.series.count)
        for (drawn, data) in zip(series, Self.trend.series) {
            let values = Self.trend.periods.map { period in data.points.first { $0.period == period }?.value }
            // Stretches of two or more values in a row, each of which must be one path.
            var runs: [Int] = [], current = 0
            for value in values + [nil] {
                if value != nil { current += 1 } else { if current > 1 { runs.append(current) }; current = 0 }
            }
            let paths = drawn.nodes.filter { $0.className == "chart-line" }
            #expect(paths.map { $0.pathPoints.count } == runs)
            for path in paths {
                let xs = path.pathPoints.map(\.x)
                for (a, b) in zip(xs, xs.dropFirst()) {
                    #expect(abs((b - a) - step) < 0.05, "a segment joins neighbouring periods only")
                }
            }
            #expect(paths.allSatisfy { $0.attributes["d"]?.filter { $0 == "M" }.count == 1 })
            let markers = drawn.nodes.filter { $0.className == "chart-marker" }
            #expect(markers.count == values.compactMap { $0 }.count)
            #expect(drawn.nodes.filter { $0.className == "chart-whisker" }.count
                == data.points.filter { $0.value != nil && $0.low != nil && $0.high != nil }.count)
        }
        let broken = try #require(series.first)
        #expect(broken.nodes.filter { $0.className == "chart-line" }.count == 2, "the first series has a gap in 2022")
    }

    @Test("trend points, whiskers and lines sit where the value axis puts them")
    func trendToScale() throws {
        let root = try XMLTree.svg(Self.trend.svg(idPrefix: "t"))
        let axis = try Self.axis(root, horizontal: false)
        let series = root.nodes.filter { $0.className == "chart-series" }
        for (drawn, data) in zip(series, Self.trend.series) {
            let markers = drawn.nodes.filter { $0.className == "chart-marker" }
            let values = data.points.compactMap(\.value)
            for (marker, value) in zip(markers, values) {
                #expect(abs((marker.centreY ?? 0) - axis(value)) < 0.05)
            }
            let intervals = data.points.filter { $0.value != nil }.compactMap { point in point.low.flatMap { low in point.high.map { (low, $0) } } }
            let spans = drawn.nodes.filter { $0.className == "chart-whisker-span" }
            for (span, (low, high)) in zip(spans, intervals) {
                #expect(abs((span.number("y1") ?? 0) - axis(low)) < 0.05 && abs((span.number("y2") ?? 0) - axis(high)) < 0.05)
            }
        }
    }

    @Test("series differ by dash and marker shape, and each has a direct label with the same dash and shape")
    func trendSeriesLookDifferent() throws {
        let many = TrendChart(title: "T", summary: "S", periods: ["1", "2"], series: (0..<7).map { index in
            TrendSeries(label: "Group \(index)", points: [TrendChartPoint(period: "1", value: Double(index)), TrendChartPoint(period: "2", value: Double(index * 2))])
        })
        let root = try XMLTree.svg(many.svg(idPrefix: "m"))
        let series = root.nodes.filter { $0.className == "chart-series" }
        let labels = root.nodes.filter { $0.className == "chart-direct-label" }
        try #require(series.count == 7 && labels.count == 7)
        let looks = series.map { drawn in
            "\(drawn.nodes.first { $0.className == "chart-line" }?.attributes["stroke-dasharray"] ?? "solid") \(drawn.nodes.first { $0.className == "chart-marker" }?.shape ?? "")"
        }
        #expect(Set(looks).count == 7, "\(looks)")
        for label in labels {
            let name = label.nodes.filter { $0.className == "chart-label" }.map(\.text).joined(separator: " ")
            let index = try #require(Int(name.dropFirst("Group ".count)))
            let swatch = label.nodes.first { $0.className == "chart-swatch" }
            let marker = label.nodes.first { $0.className == "chart-marker" }
            #expect("\(swatch?.attributes["stroke-dasharray"] ?? "solid") \(marker?.shape ?? "")" == looks[index])
        }
        // Direct labels do not overlap even when the lines end close together.
        let tops = labels.compactMap { $0.nodes.first { $0.className == "chart-label" }?.number("y") }.sorted()
        for (a, b) in zip(tops, tops.dropFirst()) { #expect(b - a >= 15) }
    }

    @Test("periods only the points name are added to the axis, so no point is dropped")
    func extraPeriods() throws {
        let chart = TrendChart(title: "T", summary: "S", periods: ["2024"], series: [
            TrendSeries(label: "A", points: [TrendChartPoint(period: "2024", value: 1), TrendChartPoint(period: "2026", value: 2)]),
        ])
        #expect(chart.axisPeriods == ["2024", "2026"])
        let root = try XMLTree.svg(chart.svg(idPrefix: "x"))
        #expect(root.nodes.filter { $0.className == "chart-marker" && $0.name != "g" }.count == 2 + 1)
    }

    // MARK: Numbers and ticks

    @Test("numbers have one decimal, a true minus and no negative zero")
    func numbers() {
        #expect(ChartNumber.format(12.345) == "12.3")
        #expect(ChartNumber.format(12.35) == "12.4" || ChartNumber.format(12.35) == "12.3")
        #expect(ChartNumber.format(-2.26) == "\u{2212}2.3")
        #expect(ChartNumber.format(-0.04) == "0.0")
        #expect(ChartNumber.format(0) == "0.0")
        #expect(ChartNumber.format(0.96) == "1.0")
        #expect(ChartNumber.format(1_234_567.89) == "1234567.9")
        #expect(ChartNumber.format(45, unit: "%") == "45.0%")
        #expect(ChartNumber.format(45, unit: "years") == "45.0")
        #expect(ChartNumber.format(45, unit: " %") == "45.0%")
        #expect(ChartNumber.caption(" years") == "years" && ChartNumber.caption("%") == nil && ChartNumber.caption("") == nil)
        #expect(ChartNumber.format(20, decimals: 0) == "20")
        #expect(ChartNumber.format(0.05, decimals: 2) == "0.05")
        #expect(ChartNumber.format(.nan) == "")
    }

    @Test("ticks are round (1, 2 or 5 times a power of ten) and the axis covers every value",
          arguments: [[0.0, 3.2], [12.5, 87.1], [-14, 46], [0.02, 0.17], [1200, 4_300], [5, 5], [-3, -1]])
    func ticks(values: [Double]) {
        for includeZero in [true, false] {
            let scale = ChartScale(values: values, fixed: nil, includeZero: includeZero, intervals: 5)
            #expect(scale.lower <= values.min() ?? 0 && scale.upper >= values.max() ?? 0)
            #expect(scale.lower < scale.upper)
            if includeZero { #expect(scale.lower <= 0 && scale.upper >= 0) }
            var mantissa = scale.step
            while mantissa >= 10 { mantissa /= 10 }
            while mantissa < 1 { mantissa *= 10 }
            #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(scale.step)")
            #expect(scale.ticks.count >= 2)
            #expect(scale.ticks.allSatisfy { $0 >= scale.lower - 1e-9 && $0 <= scale.upper + 1e-9 })
            for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) { #expect(abs(b - a - scale.step) < scale.step * 1e-9) }
        }
        let fixed = ChartScale(values: values.map { min(max($0, 0), 100) }, fixed: 0...100, includeZero: true, intervals: 5)
        #expect(fixed.lower == 0 && fixed.upper == 100 && fixed.ticks.first == 0 && fixed.ticks.last == 100)
        let widened = ChartScale(values: [-5, 104], fixed: 0...100, includeZero: true, intervals: 5)
        #expect(widened.lower <= -5 && widened.upper >= 104, "a fixed range grows rather than clip a value")
    }

    // MARK: Reading an SVG back

    /// The value axis as drawn: a function from value to coordinate, read off the tick labels.
    static func axis(_ root: XMLTree, horizontal: Bool) throws -> (Double) -> Double {
        let ticks = root.nodes.filter { $0.className == "chart-tick" }
        try #require(ticks.count >= 2)
        func value(_ node: XMLTree) -> Double? {
            Double(node.text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "\u{2212}", with: "-"))
        }
        // Vertical tick labels sit a few units below their gridline's y, to centre the digits.
        func position(_ node: XMLTree) -> Double? {
            horizontal ? node.number("x") : node.number("y").map { $0 - 5 }
        }
        let v0 = try #require(value(ticks[0])), v1 = try #require(value(ticks[ticks.count - 1]))
        let p0 = try #require(position(ticks[0])), p1 = try #require(position(ticks[ticks.count - 1]))
        return { p0 + ($0 - v0) * (p1 - p0) / (v1 - v0) }
    }

    /// WCAG 2.1 contrast ratio of a `#rgb` or `#rrggbb` colour against white.
    static func contrastAgainstWhite(_ hex: String) -> Double? {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let rgb = Int(digits, radix: 16) else { return nil }
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let channels = [linear(rgb >> 16), linear((rgb >> 8) & 0xff), linear(rgb & 0xff)]
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return 1.05 / (luminance + 0.05)
    }
}

/// Reading charts back: the elements of an SVG by class, their coordinates and shapes.
private extension XMLTree {
    /// The SVG as a tree; fails the test when it is not well-formed.
    static func svg(_ text: String) throws -> XMLTree {
        try #require(XMLTree.parse(text), "not well-formed XML")
    }

    /// This element and everything inside it, in document order.
    var nodes: [XMLTree] { [self] + children.flatMap(\.nodes) }

    var className: String? { attributes["class"] }

    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }

    /// Element and fill, which is what tells marks apart without colour.
    var shape: String {
        let form = name == "path" ? "path:" + String(attributes["d"]?.filter { $0.isLetter } ?? "") : name
        return form + " fill=" + (attributes["fill"] ?? "")
    }

    var centreX: Double? {
        switch name {
        case "circle": number("cx")
        case "rect": number("x").flatMap { x in number("width").map { x + $0 / 2 } }
        default: pathPoints.isEmpty ? nil : ((pathPoints.map(\.x).min() ?? 0) + (pathPoints.map(\.x).max() ?? 0)) / 2
        }
    }

    var centreY: Double? {
        switch name {
        case "circle": number("cy")
        case "rect": number("y").flatMap { y in number("height").map { y + $0 / 2 } }
        // Markers drawn as paths are symmetric about their centre, top and bottom.
        default: pathPoints.isEmpty ? nil : ((pathPoints.map(\.y).min() ?? 0) + (pathPoints.map(\.y).max() ?? 0)) / 2
        }
    }

    /// The points of a path made of M, L and Z commands with absolute coordinates.
    var pathPoints: [(x: Double, y: Double)] {
        guard let d = attributes["d"] else { return [] }
        let numbers = d.split(whereSeparator: { $0.isLetter || $0 == " " }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }
}
