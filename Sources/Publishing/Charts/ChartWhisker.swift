/// A confidence interval drawn as a line with a cap at each end.
///
/// It is in the text colour, so that it shows both over a grey bar and on the white past its
/// end, and thinner than the marks it belongs to, so that the estimate stays the first thing
/// read. The span comes first in its group, then the caps at its low and high ends.
enum ChartWhisker {
    static let cap = 5.0
    static let stroke = 1.5

    /// From `low` to `high` along the x axis, at height `y` (bars and gaps).
    static func across(from low: Double, to high: Double, at y: Double) -> String {
        ChartMarkup.group([("class", "chart-whisker")], [
            ChartMarkup.line(x1: low, y1: y, x2: high, y2: y, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-span"),
            ChartMarkup.line(x1: low, y1: y - cap, x2: low, y2: y + cap, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-cap"),
            ChartMarkup.line(x1: high, y1: y - cap, x2: high, y2: y + cap, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-cap"),
        ])
    }

    /// From `low` to `high` along the y axis, at `x` (trend points).
    static func upright(from low: Double, to high: Double, at x: Double) -> String {
        ChartMarkup.group([("class", "chart-whisker")], [
            ChartMarkup.line(x1: x, y1: low, x2: x, y2: high, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-span"),
            ChartMarkup.line(x1: x - cap, y1: low, x2: x + cap, y2: low, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-cap"),
            ChartMarkup.line(x1: x - cap, y1: high, x2: x + cap, y2: high, stroke: ChartStyle.text, width: stroke, className: "chart-whisker-cap"),
        ])
    }
}
