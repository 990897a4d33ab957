/// The horizontal value axis that bar and gap charts share: where a value falls between
/// `left` and `right`, light vertical gridlines at the ticks, and the tick labels below the
/// rows, with the unit stated once under them when it is not a percentage.
struct ValueAxis {
    let scale: ChartScale
    let left: Double
    let right: Double
    let unit: String

    /// The axis with as many round ticks as fit between `left` and `right` without their
    /// labels touching.
    init(values: [Double], fixed: ClosedRange<Double>?, includeZero: Bool, left: Double, right: Double, unit: String) {
        self.left = left
        self.right = right
        self.unit = unit
        self.scale = ChartScale.fitting(values: values, fixed: fixed, includeZero: includeZero, span: right - left) { scale in
            (scale.ticks.map { ChartLabel.width(scale.label($0, unit: unit)) }.max() ?? 0) + ChartStyle.fontSize
        }
    }

    /// The x coordinate of `value`.
    func x(_ value: Double) -> Double {
        left + scale.fraction(value) * (right - left)
    }

    /// Gridlines from `top` to `bottom`, drawn first so that every mark lies on top of them.
    func grid(top: Double, bottom: Double) -> [String] {
        scale.ticks.map { tick in
            ChartMarkup.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: ChartStyle.gridStroke, width: 1, className: "chart-grid")
        }
    }

    /// Tick labels on the line that starts at `top`, then the unit caption if the unit is not
    /// already in the labels; returns them and where the next line would start.
    func labels(top: Double) -> (elements: [String], bottom: Double) {
        var elements = scale.ticks.map { tick in
            ChartMarkup.text(scale.label(tick, unit: unit), x: x(tick), y: top + ChartStyle.baseline, anchor: "middle", className: "chart-tick")
        }
        var bottom = top + ChartStyle.lineHeight
        if let unit = ChartNumber.caption(unit) {
            elements.append(ChartMarkup.text(ChartLabel.line(unit, width: right - ChartStyle.margin), x: right, y: bottom + ChartStyle.baseline, anchor: "end", className: "chart-unit"))
            bottom += ChartStyle.lineHeight
        }
        return (elements, bottom)
    }
}
