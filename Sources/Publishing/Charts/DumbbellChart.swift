/// A gap (dumbbell) chart: for each row, the group's value as a filled circle and the
/// reference population's as an open square, joined by a line whose length is the gap.
///
/// The gap between people at the edges and everyone else is what a human-rights barometer
/// exists to show. The two sides differ in shape and fill, never only in colour, and a legend
/// at the top uses the very same shapes, so the chart reads in greyscale. Each value is written
/// beside its mark, the lower one on the left, the higher on the right. The axis need not start
/// at zero: position, not length, carries the values here.
public struct DumbbellChart: Sendable, Hashable {
    /// Names the chart for assistive technology; the page shows it as the caption.
    public var title: String
    /// What the chart shows, in a sentence or two, for those who cannot see it.
    public var summary: String
    /// "%" (printed after each number), another unit (stated once under the axis) or "".
    public var unit: String
    /// Who the filled circles stand for, e.g. "Persons with disabilities".
    public var groupLabel: String
    /// Who the open squares stand for, e.g. "Persons without disabilities".
    public var referenceLabel: String
    public var rows: [DumbbellRow]
    /// The axis range, e.g. 0...100; nil to fit the data. Widened when a value falls outside.
    public var domain: ClosedRange<Double>?

    public init(title: String, summary: String, unit: String = "", groupLabel: String, referenceLabel: String,
                rows: [DumbbellRow], domain: ClosedRange<Double>? = nil) {
        self.title = title
        self.summary = summary
        self.unit = unit
        self.groupLabel = groupLabel
        self.referenceLabel = referenceLabel
        self.rows = rows
        self.domain = domain
    }

    static let groupMarker = ChartMarker.filledCircle
    static let referenceMarker = ChartMarker.openSquare
    /// The square is drawn larger than the circle, so that when both values are equal the
    /// circle shows inside the open square instead of covering it.
    static let groupSize = 11.0
    static let referenceSize = 19.0

    /// The chart as an `<svg>` element for inline HTML; ids start with `idPrefix`, which must
    /// be unique in the page. The same chart always gives the same text.
    public func svg(idPrefix: String) -> String {
        let canvas = ChartCanvas(idPrefix: idPrefix, title: title, summary: summary)
        let values = rows.flatMap { [ChartNumber.drawable($0.group), ChartNumber.drawable($0.reference)].compactMap { $0 } }
        guard !values.isEmpty else { return canvas.emptySVG() }

        let margin = ChartStyle.margin
        let gap = Self.referenceSize / 2 + 3
        // Values go on either side of the marks, so both sides keep room for the widest one.
        let valueRoom = max((values.map { ChartLabel.width(ChartNumber.format($0, unit: unit)) }.max() ?? 0) + gap, ChartStyle.fontSize * 1.5)
        let left = margin + valueRoom
        let right = ChartStyle.width - margin - valueRoom
        let axis = ValueAxis(values: values, fixed: domain, includeZero: false, left: left, right: right, unit: unit)

        var y = margin
        var legend: [String] = []
        for (marker, size, label, className) in [(Self.groupMarker, Self.groupSize, groupLabel, "chart-marker-group"),
                                                 (Self.referenceMarker, Self.referenceSize, referenceLabel, "chart-marker-reference")] {
            legend.append(marker.svg(x: margin + 8, y: y + ChartStyle.lineHeight / 2 + 1, size: size, className: className))
            let text = ChartLabel.block(label, x: margin + 22, top: y, width: ChartStyle.width - 2 * margin - 22, maxLines: 2,
                                        className: "chart-legend-label")
            legend += text.elements
            y = max(text.bottom, y + ChartStyle.lineHeight)
        }
        y += 8
        let rowsTop = y

        var drawn: [String] = []
        for row in rows {
            var parts: [String] = []
            let label = ChartLabel.block(row.label, x: margin, top: y, width: ChartStyle.width - 2 * margin, maxLines: 2, className: "chart-label")
            parts += label.elements
            y = label.bottom
            let group = ChartNumber.drawable(row.group)
            let reference = ChartNumber.drawable(row.reference)
            if group != nil || reference != nil {
                let middle = y + 11
                parts += marks(group: group, reference: reference, axis: axis, y: middle, gap: gap)
                y += 22
            }
            var notes: [String] = []
            if group == nil { notes.append(groupLabel + ": " + ChartStyle.note(row.groupNote)) }
            if reference == nil { notes.append(referenceLabel + ": " + ChartStyle.note(row.referenceNote)) }
            for note in notes {
                let text = ChartLabel.block(note, x: margin, top: y, width: ChartStyle.width - 2 * margin, maxLines: 2, className: "chart-note", italic: true)
                parts += text.elements
                y = text.bottom
            }
            y += 8
            drawn.append(ChartMarkup.group([("class", "chart-row")], parts))
        }
        let rowsBottom = y - 6
        var body = axis.grid(top: rowsTop, bottom: rowsBottom)
        body.append(ChartMarkup.group([("class", "chart-legend")], legend))
        body += drawn
        let labels = axis.labels(top: rowsBottom + 2)
        body += labels.elements
        return canvas.svg(height: labels.bottom + margin, body: body)
    }

    /// The line between the two values, their marks and their numbers. The group's circle is
    /// drawn last so that, when both values are equal, it shows inside the open square.
    private func marks(group: Double?, reference: Double?, axis: ValueAxis, y: Double, gap: Double) -> [String] {
        var parts: [String] = []
        let groupX = group.map(axis.x)
        let referenceX = reference.map(axis.x)
        // The line stops short of each mark, so that it never shows through the open square.
        let groupInset = Self.groupSize / 2
        let referenceInset = Self.referenceMarker.extent(Self.referenceSize) / 2
        if let groupX, let referenceX, abs(groupX - referenceX) > groupInset + referenceInset {
            let toRight = referenceX > groupX
            parts.append(ChartMarkup.line(x1: groupX + (toRight ? groupInset : -groupInset), y1: y,
                                          x2: referenceX + (toRight ? -referenceInset : referenceInset), y2: y,
                                          stroke: ChartStyle.markFill, width: 3, className: "chart-gap"))
        }
        if let referenceX {
            parts.append(Self.referenceMarker.svg(x: referenceX, y: y, size: Self.referenceSize, className: "chart-marker-reference"))
        }
        if let groupX {
            parts.append(Self.groupMarker.svg(x: groupX, y: y, size: Self.groupSize, className: "chart-marker-group"))
        }
        // The value further left is written to the left of its mark, the other to the right.
        let labelled = [(group, groupX), (reference, referenceX)].compactMap { value, x in value.flatMap { v in x.map { (v, $0) } } }
        let leftmost = labelled.count == 2 ? (labelled[1].1 < labelled[0].1 ? 1 : 0) : nil
        for (index, (value, x)) in labelled.enumerated() {
            let text = ChartNumber.format(value, unit: unit)
            parts.append(index == leftmost
                ? ChartMarkup.text(text, x: x - gap, y: y + ChartStyle.centring, anchor: "end", className: "chart-value")
                : ChartMarkup.text(text, x: x + gap, y: y + ChartStyle.centring, className: "chart-value"))
        }
        return parts
    }
}
