/// The measures and colours every chart shares.
///
/// The viewBox is narrow on purpose: the SVG is drawn at 100 % of its container, so on a
/// 320 px phone one unit is 320 / ``width`` pixels, and ``fontSize`` units must still be 12 px
/// or more there. Colours are `currentColor` (the page's text colour, dark on white) wherever
/// possible; the few fixed greys are chosen for WCAG 2.1 non-text contrast, so that the charts
/// read the same on a greyscale print.
enum ChartStyle {
    /// Width of every chart's viewBox: 15 units of text are 12.5 px on a 320 px screen.
    static let width = 384.0
    static let margin = 8.0
    static let fontSize = 15.0
    static let lineHeight = 19.0
    /// From the top of a line of text to its baseline.
    static let baseline = 14.0
    /// Vertical offset that centres a line of digits on a mark.
    static let centring = 5.0
    /// Average advance of a character in em, a little above that of common sans-serif faces
    /// (about 0.5 em for running text) so that estimated widths err on the wide side and
    /// wrapped labels do not run off the chart.
    static let characterWidth = 0.55
    static let fontFamily = "system-ui, sans-serif"
    /// Bars and gap lines: 3.9:1 against white (≥ 3:1 for graphical objects) and 4.4:1 against
    /// near-black, so the whiskers drawn over a bar stay visible.
    static let markFill = "#808080"
    /// Gridlines only help to read values off and are not needed to understand the chart, so
    /// they may be lighter than 3:1 and stay out of the way.
    static let gridStroke = "#d9d9d9"
    static let text = "currentColor"
    /// The text a chart shows when it has no value to draw.
    static let emptyMessage = "No data to chart"
    /// What a chart writes in place of a missing value: the reason given, or "no data" when
    /// there is none, so the gap is never silent.
    static func note(_ reason: String?) -> String {
        reason.flatMap { $0.isEmpty ? nil : $0 } ?? "no data"
    }
}
