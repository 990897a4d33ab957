/// The shapes that mark a point, so that series and groups are told apart by form, filled or
/// open, and not by colour: the charts must read the same to people who do not see colour and
/// on a greyscale print. The legend or direct label next to a series shows the same shape.
enum ChartMarker: Sendable, CaseIterable {
    case filledCircle
    case openSquare
    case filledTriangle
    case openDiamond
    case cross
    case filledSquare

    /// Whether the shape is solid; open shapes are outlined only.
    var isFilled: Bool {
        switch self {
        case .filledCircle, .filledTriangle, .filledSquare: true
        case .openSquare, .openDiamond, .cross: false
        }
    }

    /// How wide the shape is drawn when asked for `size`.
    func extent(_ size: Double) -> Double {
        switch self {
        case .openSquare, .filledSquare: size * 0.85
        case .filledCircle, .filledTriangle, .openDiamond: size
        case .cross: size * 0.8
        }
    }

    /// The shape centred on (`x`, `y`), about `size` units across, in the text colour, which
    /// on a white page is well above the 3:1 contrast graphical objects need.
    func svg(x: Double, y: Double, size: Double, className: String) -> String {
        let half = size / 2
        let n = ChartMarkup.number
        let paint: [(String, String)] = isFilled
            ? [("fill", ChartStyle.text)]
            : [("fill", "none"), ("stroke", ChartStyle.text), ("stroke-width", "2")]
        switch self {
        case .filledCircle:
            return ChartMarkup.element("circle", [("class", className), ("cx", n(x)), ("cy", n(y)), ("r", n(half))] + paint)
        case .openSquare, .filledSquare:
            // A square looks larger than a disc of the same width; shrink it a little.
            let side = extent(size)
            return ChartMarkup.element("rect", [("class", className), ("x", n(x - side / 2)), ("y", n(y - side / 2)),
                                                ("width", n(side)), ("height", n(side))] + paint)
        case .filledTriangle:
            let d = "M\(n(x)) \(n(y - half))L\(n(x + half)) \(n(y + half * 0.8))L\(n(x - half)) \(n(y + half * 0.8))Z"
            return ChartMarkup.element("path", [("class", className), ("d", d)] + paint)
        case .openDiamond:
            let d = "M\(n(x)) \(n(y - half))L\(n(x + half)) \(n(y))L\(n(x)) \(n(y + half))L\(n(x - half)) \(n(y))Z"
            return ChartMarkup.element("path", [("class", className), ("d", d)] + paint)
        case .cross:
            let a = extent(size) / 2
            let d = "M\(n(x - a)) \(n(y - a))L\(n(x + a)) \(n(y + a))M\(n(x - a)) \(n(y + a))L\(n(x + a)) \(n(y - a))"
            return ChartMarkup.element("path", [("class", className), ("d", d)] + paint)
        }
    }
}
