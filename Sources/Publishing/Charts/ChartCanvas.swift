/// The outer `<svg>` of a chart: its accessible name and description, its size, and the
/// drawing inside.
///
/// Every chart is one image to assistive technology (`role="img"`), named by its `<title>` and
/// described by its `<desc>`; `aria-labelledby` points at both because browsers and screen
/// readers do not all read `<desc>` on their own. Their ids start with a prefix the page gives,
/// as one page holds many charts and an id must be unique in it. The title is not drawn: the
/// page shows it as the figure's caption, where it can be a heading and is not said twice.
struct ChartCanvas {
    let prefix: String
    let title: String
    let summary: String

    init(idPrefix: String, title: String, summary: String) {
        self.prefix = Self.identifier(idPrefix)
        self.title = title
        self.summary = summary
    }

    var titleID: String { prefix + "-title" }
    var descriptionID: String { prefix + "-desc" }

    /// The whole chart, `height` units tall, `body` drawn in order (later elements on top).
    /// Its width is 100 % of the container and its height follows from the viewBox, so it
    /// shrinks to a phone without a fixed pixel size; text inherits the page's colour.
    func svg(height: Double, body: [String]) -> String {
        let root = ChartMarkup.opening("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "chart"),
            ("viewBox", "0 0 " + ChartMarkup.number(ChartStyle.width) + " " + ChartMarkup.number(height.rounded(.up))),
            ("width", "100%"),
            ("role", "img"),
            ("aria-labelledby", titleID + " " + descriptionID),
            ("font-family", ChartStyle.fontFamily),
            ("font-size", ChartMarkup.number(ChartStyle.fontSize)),
            ("fill", ChartStyle.text),
        ], empty: false)
        let heading = [
            ChartMarkup.element("title", [("id", titleID)], text: title),
            ChartMarkup.element("desc", [("id", descriptionID)], text: summary),
        ]
        return ([root] + heading + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// A chart with nothing to draw still stands in the page as a valid image with its title
    /// and summary, and says so in words rather than showing an empty frame.
    func emptySVG() -> String {
        let y = ChartStyle.margin + ChartStyle.baseline
        return svg(height: y + ChartStyle.margin + ChartStyle.centring,
                   body: [ChartMarkup.text(ChartStyle.emptyMessage, x: ChartStyle.margin, y: y, className: "chart-empty")])
    }

    /// `raw` made into a valid XML id: letters, digits, `-`, `_` and `.` are kept, anything
    /// else becomes `-`, and a leading digit or punctuation gets a `c` in front. A prefix that
    /// came from a slug or a user's input can then neither break the markup nor the id
    /// references in `aria-labelledby`, which are separated by spaces.
    static func identifier(_ raw: String) -> String {
        let kept = String(raw.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_" || character == ".")
                ? character : "-"
        })
        guard let first = kept.first else { return "chart" }
        return first.isLetter || first == "_" ? kept : "c" + kept
    }
}
