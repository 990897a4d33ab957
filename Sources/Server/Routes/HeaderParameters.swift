import Forms

/// The `key=value` parameters of a header such as `Content-Type: multipart/form-data; boundary=x`
/// or `Content-Disposition: form-data; name="a"; filename="b.jpg"`: keys lowercased, values
/// unquoted (a `;` inside quotes belongs to the value). Read once per header in plain Swift,
/// because every submission's parts are read this way.
struct HeaderParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ header: String) {
        var items: [String] = []
        var current = ""
        var quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        for item in items.dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let key = String(item[..<equals]).trimmingXPathWhitespace().lowercased()
            var value = String(item[item.index(after: equals)...]).trimmingXPathWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if values[key] == nil { values[key] = value }
        }
    }

    subscript(key: String) -> String? { values[key] }
}
