/// Horizontal bars with confidence-interval whiskers, one category a row, as inline SVG.
///
/// Bars run sideways and each label sits on its own line above its bar, so that long category
/// names fit a 320 px phone instead of squeezing the bars. The value is written at the end of
/// the bar, past the whisker, so it is never read off the axis alone; the page prints the same
/// numbers as a table. Bars start at zero, since a bar is read by its length.
public struct BarChart: Sendable, Hashable {
    /// Names the chart for assistive technology; the page shows it as the caption.
    public var title: String
    /// What the chart shows, in a sentence or two, for those who cannot see it.
    public var summary: String
    /// "%" (printed after each number), another unit such as "years" (stated once under the
    /// axis) or "" for none.
    public var unit: String
    public var bars: [ChartBar]
    /// The axis range, e.g. 0...100 for percentages, so that charts of one indicator compare;
    /// nil to fit the data and their intervals (from zero when no value is negative). Widened
    /// when a value or interval falls outside it.
    public var domain: ClosedRange<Double>?

    public init(title: String, summary: String, unit: String = "", bars: [ChartBar], domain: ClosedRange<Double>? = nil) {
        self.title = title
        self.summary = summary
        self.unit = unit
        self.bars = bars
        self.domain = domain
    }

    /// The chart as an `<svg>` element for inline HTML; ids start with `idPrefix`, which must
    /// be unique in the page. The same chart always gives the same text.
    public func svg(idPrefix: String) -> String {
        let canvas = ChartCanvas(idPrefix: idPrefix, title: title, summary: summary)
        let values = bars.compactMap { ChartNumber.drawable($0.value) }
        guard !values.isEmpty else { return canvas.emptySVG() }
        let intervals = bars.compactMap { ChartNumber.drawable($0.value) == nil ? nil : ChartNumber.interval($0.low, $0.high) }
        let extent = values + intervals.flatMap { [$0.lowerBound, $0.upperBound] }

        let margin = ChartStyle.margin
        let gap = 5.0
        let valueRoom = (values.map { ChartLabel.width(ChartNumber.format($0, unit: unit)) }.max() ?? 0) + gap
        // Room for value labels on the side the bars grow towards, and half a tick label at the ends.
        let tickRoom = ChartStyle.fontSize * 1.5
        let left = margin + (extent.contains { $0 < 0 } ? max(valueRoom, tickRoom) : tickRoom)
        let right = ChartStyle.width - margin - (extent.contains { $0 > 0 } ? max(valueRoom, tickRoom) : tickRoom)
        let axis = ValueAxis(values: extent, fixed: domain, includeZero: true, left: left, right: right, unit: unit)
        let zero = axis.x(min(max(0, axis.scale.lower), axis.scale.upper))

        let barHeight = 16.0
        var rows: [String] = []
        var y = margin
        for bar in bars {
            var row: [String] = []
            let label = ChartLabel.block(bar.label, x: margin, top: y, width: ChartStyle.width - 2 * margin, maxLines: 2, className: "chart-label")
            row += label.elements
            y = label.bottom
            if let value = ChartNumber.drawable(bar.value) {
                let top = y + 2
                let middle = top + barHeight / 2
                let end = axis.x(value)
                if end != zero {
                    row.append(ChartMarkup.element("rect", [
                        ("class", "chart-bar"), ("x", ChartMarkup.number(min(zero, end))), ("y", ChartMarkup.number(top)),
                        ("width", ChartMarkup.number(abs(end - zero))), ("height", ChartMarkup.number(barHeight)),
                        ("fill", ChartStyle.markFill),
                    ]))
                }
                var outer = end
                if let interval = ChartNumber.interval(bar.low, bar.high) {
                    let low = axis.x(interval.lowerBound)
                    let high = axis.x(interval.upperBound)
                    row.append(ChartWhisker.across(from: low, to: high, at: middle))
                    outer = value < 0 ? min(end, low) : max(end, high)
                }
                let label = ChartNumber.format(value, unit: unit)
                row.append(value < 0
                    ? ChartMarkup.text(label, x: outer - gap, y: middle + ChartStyle.centring, anchor: "end", className: "chart-value")
                    : ChartMarkup.text(label, x: outer + gap, y: middle + ChartStyle.centring, className: "chart-value"))
                y = top + barHeight + 10
            } else {
                // No bar, not even a zero-length one: the reason stands in its place.
                let note = ChartLabel.block(ChartStyle.note(bar.note), x: left, top: y, width: ChartStyle.width - margin - left, maxLines: 2,
                                            className: "chart-note", italic: true)
                row += note.elements
                y = note.bottom + 8
            }
            rows.append(ChartMarkup.group([("class", "chart-row")], row))
        }
        let rowsBottom = y - 6
        var body = axis.grid(top: margin, bottom: rowsBottom)
        body.append(ChartMarkup.line(x1: zero, y1: margin, x2: zero, y2: rowsBottom, stroke: ChartStyle.text, width: 1.5, className: "chart-baseline"))
        body += rows
        let labels = axis.labels(top: rowsBottom + 2)
        body += labels.elements
        return canvas.svg(height: labels.bottom + margin, body: body)
    }
}
