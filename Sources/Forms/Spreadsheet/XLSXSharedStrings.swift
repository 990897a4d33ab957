import Foundation

/// The shared string table (`xl/sharedStrings.xml`): Excel stores each distinct text once and
/// cells refer to it by index. Rich text is reduced to its characters (the runs `<r><t>`
/// concatenated); phonetic guides (`<rPh>`, furigana) are not part of the text and are left out.
struct XLSXSharedStrings: Sendable, Equatable {
    var strings: [String]

    init(strings: [String]) {
        self.strings = strings
    }

    init(parsing data: Data, context: XMLPartContext) throws(SpreadsheetError) {
        let handler = XLSXRichTextHandler(itemElement: "si")
        try XMLPartParser.parse(data, context: context, into: handler)
        self.init(strings: handler.texts)
    }

    subscript(index: Int) -> String? {
        strings.indices.contains(index) ? strings[index] : nil
    }
}

/// Collects the text of rich-text items (`<si>` in the shared strings, `<is>` in a cell): every
/// `<t>` inside the item except those in phonetic runs, whitespace kept exactly, with Office's
/// `_xHHHH_` escapes decoded.
final class XLSXRichTextHandler: XMLPartHandler {
    private let itemElement: String
    private(set) var texts: [String] = []
    private var current: String?
    private var insideText = false
    private var phoneticDepth = 0

    init(itemElement: String) {
        self.itemElement = itemElement
    }

    /// Starts collecting an item whose start tag was seen by someone else (a cell's `<is>`).
    func beginItem() {
        current = ""
    }

    func startElement(_ name: String, attributes: [String: String]) {
        switch name {
        case itemElement: current = ""
        case "rPh": phoneticDepth += 1
        case "t": insideText = current != nil && phoneticDepth == 0
        default: break
        }
    }

    func endElement(_ name: String) {
        switch name {
        case itemElement:
            if let current { texts.append(current.decodingXLSXEscapes()) }
            current = nil
        case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
        case "t": insideText = false
        default: break
        }
    }

    func characters(_ text: String) {
        if insideText { current?.append(text) }
    }
}
