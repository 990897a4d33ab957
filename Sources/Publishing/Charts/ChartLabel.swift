/// Fitting a label into the width a chart has for it: wrapped at spaces onto a few lines, and
/// shortened with an ellipsis past the last one.
///
/// SVG text does not wrap by itself, and at 320 px a category such as "Persons with
/// psychosocial disabilities" is wider than the chart. Widths are estimated from the number of
/// characters (no font metrics exist where the SVG is written), erring on the wide side. The
/// full label is always in the table the page prints beside the chart.
enum ChartLabel {
    /// Estimated width of `text` in viewBox units at the charts' font size.
    static func width(_ text: String) -> Double {
        Double(text.count) * ChartStyle.fontSize * ChartStyle.characterWidth
    }

    /// How many characters fit in `width` units; at least one, so every label shows something.
    static func capacity(_ width: Double) -> Int {
        max(1, Int(width / (ChartStyle.fontSize * ChartStyle.characterWidth)))
    }

    /// `text` in lines no wider than `width`, at most `maxLines` of them. Words longer than a
    /// line are cut; when the text does not fit, the last line ends in "…".
    static func lines(_ text: String, width: Double, maxLines: Int) -> [String] {
        let capacity = capacity(width)
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            var word = String(word)
            if current.isEmpty {
                while word.count > capacity {
                    lines.append(String(word.prefix(capacity)))
                    word = String(word.dropFirst(capacity))
                }
                current = word
            } else if current.count + 1 + word.count <= capacity {
                current += " " + word
            } else {
                lines.append(current)
                while word.count > capacity {
                    lines.append(String(word.prefix(capacity)))
                    word = String(word.dropFirst(capacity))
                }
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let limit = max(maxLines, 1)
        guard lines.count > limit else { return lines }
        var kept = Array(lines.prefix(limit))
        let last = kept[limit - 1]
        kept[limit - 1] = String(last.prefix(capacity - 1)).trimmingTrailingSpaces() + "…"
        return kept
    }
}

extension ChartLabel {
    /// `text` shortened to one line of `width`, for captions and period labels.
    static func line(_ text: String, width: Double) -> String {
        lines(text, width: width, maxLines: 1).first ?? ""
    }

    /// `text` wrapped to `width` and written line under line, left-aligned at `x`, from `top`
    /// down; returns the `<text>` elements and the y just under the last line, where the next
    /// thing in the chart goes.
    static func block(_ text: String, x: Double, top: Double, width: Double, maxLines: Int, className: String,
                      italic: Bool = false) -> (elements: [String], bottom: Double) {
        var y = top
        var elements: [String] = []
        for line in lines(text, width: width, maxLines: maxLines) {
            elements.append(ChartMarkup.text(line, x: x, y: y + ChartStyle.baseline, className: className, italic: italic))
            y += ChartStyle.lineHeight
        }
        return (elements, y)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
