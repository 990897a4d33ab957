/// Writing SVG elements as text, with every attribute value and text escaped.
///
/// Labels come from frameworks that people write themselves, so a `<`, `&` or quote in a
/// theme's name is ordinary; every piece of text passes through ``escaped(_:)`` here, so no
/// chart can break the page it is embedded in, or let a label inject markup. Attributes keep
/// the order they are given in, so the same chart is always the same bytes.
enum ChartMarkup {
    /// `text` safe as element content and as an attribute value. The module's one escaping
    /// rule (``XMLText``) also drops the control characters XML cannot hold, which a label
    /// pasted from a spreadsheet may carry.
    static func escaped(_ text: String) -> String {
        XMLText.escaped(text)
    }

    /// A coordinate with at most two decimals and no trailing zeros: a hundredth of a unit is
    /// far below a pixel, and fewer digits keep inline SVG small.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard hundredths.isFinite, abs(hundredths) < 1e15 else { return "0" }
        let whole = Int64(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let fraction = magnitude % 100
        let integer = "\(magnitude / 100)"
        switch fraction {
        case 0: return sign + integer
        case let f where f % 10 == 0: return sign + integer + "." + "\(f / 10)"
        case let f where f < 10: return sign + integer + ".0" + "\(f)"
        default: return sign + integer + "." + "\(fraction)"
        }
    }

    /// `<name a="1" b="2"/>`, or with escaped text content when `text` is given.
    static func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) -> String {
        guard let text else { return opening(name, attributes, empty: true) }
        return opening(name, attributes, empty: false) + escaped(text) + "</" + name + ">"
    }

    /// A group around `children`, so that a page's stylesheet or a test can find one bar, row
    /// or series as a whole.
    static func group(_ attributes: [(String, String)], _ children: [String]) -> String {
        opening("g", attributes, empty: false) + "\n" + children.joined(separator: "\n") + "\n</g>"
    }

    /// `<name a="1">`, or `<name a="1"/>` when `empty`.
    static func opening(_ name: String, _ attributes: [(String, String)], empty: Bool) -> String {
        var result = "<" + name
        for (key, value) in attributes {
            result += " " + key + "=\"" + escaped(value) + "\""
        }
        return result + (empty ? "/>" : ">")
    }

    /// One line of text with its baseline at `y`.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String,
                     italic: Bool = false) -> String {
        var attributes = [("class", className), ("x", number(x)), ("y", number(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if italic { attributes.append(("font-style", "italic")) }
        return element("text", attributes, text: content)
    }

    /// A straight line in `stroke`.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double,
                     className: String, dash: String = "") -> String {
        var attributes = [("class", className), ("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
                          ("stroke", stroke), ("stroke-width", number(width))]
        if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
        return element("line", attributes)
    }
}
