import Forms

/// The `key=value` parameters of a header such as `Content-Type: multipart/form-data; boundary=x`
/// or `Content-Disposition: form-data; name="a"; filename="b.jpg"`: keys lowercased, values
/// unquoted (a `;` inside quotes belongs to the value). Read on the header's bytes (`;`, `=` and
/// `"` are ASCII, so a split there is on a character boundary), because every part of every
/// submission is read this way.
struct HeaderParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ header: String) {
        let bytes = header.utf8
        var itemStart = bytes.startIndex
        var quoted = false
        var isFirst = true
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            if !atEnd, bytes[index] == UInt8(ascii: "\"") { quoted.toggle() }
            if atEnd || (bytes[index] == UInt8(ascii: ";") && !quoted) {
                // The first item is the header's value itself (`form-data`), not a parameter.
                if !isFirst { add(header[itemStart..<index]) }
                isFirst = false
                if atEnd { break }
                itemStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
    }

    private mutating func add(_ item: Substring) {
        guard let equals = item.utf8.firstIndex(of: UInt8(ascii: "=")) else { return }
        let key = String(item[..<equals]).trimmingXPathWhitespace().lowercased()
        guard values[key] == nil else { return }
        var value = String(item[item.utf8.index(after: equals)...]).trimmingXPathWhitespace()
        let utf8 = value.utf8
        if utf8.count >= 2, utf8.first == UInt8(ascii: "\""), utf8.last == UInt8(ascii: "\"") {
            value = String(value[utf8.index(after: utf8.startIndex)..<utf8.index(before: utf8.endIndex)])
        }
        values[key] = value
    }

    subscript(key: String) -> String? { values[key] }
}
