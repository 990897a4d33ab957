/// Trend lines: one line per series over the periods, with confidence-interval whiskers at
/// each point, as inline SVG.
///
/// Lines differ by dash pattern and by the shape of their markers, never by colour alone, and
/// each is named by a direct label beside its last point (with the same dash and shape), so
/// no one has to match colours against a legend. A missing value breaks the line instead of
/// joining its neighbours, which would invent a value for the round that has none. The axis
/// need not start at zero: position, not length, carries the values here.
public struct TrendChart: Sendable, Hashable {
    /// Names the chart for assistive technology; the page shows it as the caption.
    public var title: String
    /// What the chart shows, in a sentence or two, for those who cannot see it.
    public var summary: String
    /// "%" (printed after each tick), another unit (stated once above the axis) or "".
    public var unit: String
    /// The periods along the x axis, in order. Periods that only points name follow them, in
    /// the order they first appear, so that no point is silently left out.
    public var periods: [String]
    public var series: [TrendSeries]
    /// The axis range, e.g. 0...100; nil to fit the data. Widened when a value falls outside.
    public var domain: ClosedRange<Double>?

    public init(title: String, summary: String, unit: String = "", periods: [String], series: [TrendSeries],
                domain: ClosedRange<Double>? = nil) {
        self.title = title
        self.summary = summary
        self.unit = unit
        self.periods = periods
        self.series = series
        self.domain = domain
    }

    /// Dash patterns by series; with six marker shapes, thirty series look all different.
    static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 2"]
    static let markerSize = 9.0

    /// The periods the x axis shows: ``periods`` first, then any only the points name.
    var axisPeriods: [String] {
        var result: [String] = []
        for period in periods + series.flatMap({ $0.points.map(\.period) }) where !result.contains(period) {
            result.append(period)
        }
        return result
    }

    /// The chart as an `<svg>` element for inline HTML; ids start with `idPrefix`, which must
    /// be unique in the page. The same chart always gives the same text.
    public func svg(idPrefix: String) -> String {
        let canvas = ChartCanvas(idPrefix: idPrefix, title: title, summary: summary)
        let periods = axisPeriods
        let cells = series.map { line in
            periods.map { period -> (value: Double, interval: ClosedRange<Double>?)? in
                guard let point = line.points.first(where: { $0.period == period }),
                      let value = ChartNumber.drawable(point.value) else { return nil }
                return (value, ChartNumber.interval(point.low, point.high))
            }
        }
        let extent = cells.flatMap { $0.flatMap { cell -> [Double] in
            guard let cell else { return [] }
            return [cell.value] + (cell.interval.map { [$0.lowerBound, $0.upperBound] } ?? [])
        } }
        guard !extent.isEmpty else { return canvas.emptySVG() }

        let margin = ChartStyle.margin
        var body: [String] = []
        var top = margin
        if let unit = ChartNumber.caption(unit) {
            body.append(ChartMarkup.text(ChartLabel.line(unit, width: ChartStyle.width - 2 * margin), x: margin, y: top + ChartStyle.baseline,
                                         className: "chart-unit"))
            top += ChartStyle.lineHeight
        }
        let plotTop = top + ChartStyle.lineHeight / 2
        let plotHeight = 200.0
        let plotBottom = plotTop + plotHeight
        let scale = ChartScale.fitting(values: extent, fixed: domain, includeZero: false, span: plotHeight) { _ in ChartStyle.lineHeight * 1.8 }
        let tickLabels = scale.ticks.map { scale.label($0, unit: unit) }
        let plotLeft = margin + (tickLabels.map(ChartLabel.width).max() ?? 0) + 6
        // The direct labels take as much room as their longest word needs, within limits, so
        // short names leave more room for the lines.
        let names = cells.indices.filter { cells[$0].contains { $0 != nil } }.map { series[$0].label }
        let longestWord = names.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map { ChartLabel.width(String($0)) }.max() ?? 0
        let labelText = min(names.map(ChartLabel.width).max() ?? 0, min(max(longestWord, 80), 150))
        let labelColumn = labelText + 32
        let plotRight = ChartStyle.width - margin - labelColumn
        let y = { (value: Double) in plotBottom - scale.fraction(value) * plotHeight }
        let inset = 12.0
        let step = periods.count > 1 ? (plotRight - plotLeft - 2 * inset) / Double(periods.count - 1) : plotRight - plotLeft
        let x = { (index: Int) in periods.count > 1 ? plotLeft + inset + Double(index) * step : (plotLeft + plotRight) / 2 }

        for (tick, label) in zip(scale.ticks, tickLabels) {
            body.append(ChartMarkup.line(x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), stroke: ChartStyle.gridStroke, width: 1, className: "chart-grid"))
            body.append(ChartMarkup.text(label, x: plotLeft - 6, y: y(tick) + ChartStyle.centring, anchor: "end", className: "chart-tick"))
        }
        body.append(ChartMarkup.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartStyle.text, width: 1.5, className: "chart-baseline"))
        // Every period label that fits: every second, third... one when they would touch.
        let widest = periods.map(ChartLabel.width).max() ?? 0
        let every = max(1, Int(((widest + 4) / step).rounded(.up)))
        for (index, period) in periods.enumerated() where index % every == 0 {
            let fitted = ChartLabel.line(period, width: max(step * Double(every) - 4, ChartStyle.fontSize))
            body.append(ChartMarkup.text(fitted, x: x(index), y: plotBottom + 2 + ChartStyle.baseline, anchor: "middle", className: "chart-period"))
        }

        // Lines at one period sit a few units apart, so their markers and whiskers do not hide each other.
        let dodge = min(5, step / Double(series.count + 2))
        var labelled: [(index: Int, centre: Double)] = []
        var unlabelled: [String] = []
        for (index, line) in cells.enumerated() {
            let marker = Self.marker(index)
            let offset = (Double(index) - Double(series.count - 1) / 2) * dodge
            var parts: [String] = []
            var run: [(Double, Double)] = []
            // A missing value past the end closes the last stretch.
            for (period, cell) in (line + [nil]).enumerated() {
                if let cell {
                    run.append((x(period) + offset, y(cell.value)))
                } else {
                    if run.count > 1 { parts.append(Self.path(run, dash: Self.dash(index))) }
                    run = []
                }
            }
            for (period, cell) in line.enumerated() {
                guard let cell, let interval = cell.interval else { continue }
                parts.append(ChartWhisker.upright(from: y(interval.lowerBound), to: y(interval.upperBound), at: x(period) + offset))
            }
            for (period, cell) in line.enumerated() {
                guard let cell else { continue }
                parts.append(marker.svg(x: x(period) + offset, y: y(cell.value), size: Self.markerSize, className: "chart-marker"))
            }
            if let last = line.last(where: { $0 != nil }) ?? nil {
                labelled.append((index, y(last.value)))
            } else {
                unlabelled.append(series[index].label)
            }
            body.append(ChartMarkup.group([("class", "chart-series")], parts))
        }

        var bottom = plotBottom + 2 + ChartStyle.lineHeight
        var previous = -Double.infinity
        for (index, centre) in labelled.sorted(by: { ($0.centre, $0.index) < ($1.centre, $1.index) }) {
            let lines = ChartLabel.lines(series[index].label, width: labelText + 1, maxLines: 3)
            let blockTop = max(centre - ChartStyle.lineHeight / 2, previous + 2)
            let swatchY = blockTop + ChartStyle.lineHeight / 2
            var parts = [
                ChartMarkup.line(x1: plotRight + 6, y1: swatchY, x2: plotRight + 26, y2: swatchY, stroke: ChartStyle.text, width: 2,
                                 className: "chart-swatch", dash: Self.dash(index)),
                Self.marker(index).svg(x: plotRight + 16, y: swatchY, size: Self.markerSize, className: "chart-marker"),
            ]
            for (number, text) in lines.enumerated() {
                let baseline = blockTop + Double(number) * ChartStyle.lineHeight + ChartStyle.centring + ChartStyle.lineHeight / 2
                parts.append(ChartMarkup.text(text, x: plotRight + 32, y: baseline, className: "chart-label"))
            }
            previous = blockTop + Double(max(lines.count, 1)) * ChartStyle.lineHeight
            bottom = max(bottom, previous)
            body.append(ChartMarkup.group([("class", "chart-direct-label")], parts))
        }
        // A series with no value at all has no last point to label; say so under the chart.
        for label in unlabelled {
            let note = ChartLabel.block(label + ": " + ChartStyle.note(nil), x: margin, top: bottom, width: ChartStyle.width - 2 * margin,
                                        maxLines: 2, className: "chart-note", italic: true)
            body += note.elements
            bottom = note.bottom
        }
        return canvas.svg(height: bottom + margin, body: body)
    }

    static func marker(_ index: Int) -> ChartMarker {
        ChartMarker.allCases[index % ChartMarker.allCases.count]
    }

    static func dash(_ index: Int) -> String {
        dashes[index % dashes.count]
    }

    /// One unbroken stretch of a line, through points that all have values.
    static func path(_ points: [(Double, Double)], dash: String) -> String {
        let d = points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + ChartMarkup.number(point.0) + " " + ChartMarkup.number(point.1)
        }.joined()
        var attributes = [("class", "chart-line"), ("d", d), ("fill", "none"), ("stroke", ChartStyle.text), ("stroke-width", "2")]
        if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
        return ChartMarkup.element("path", attributes)
    }
}
