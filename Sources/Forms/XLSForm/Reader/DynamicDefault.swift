/// Whether a `default` is a value (`5`, `2024-01-31`, `yes`) or an expression computed when the
/// form opens (`today()`, `${age} + 1`). pyxform decides this with a small tokenizer: a default
/// is dynamic when it holds an arithmetic operator, a union `|`, a `${reference}` or a function
/// call. A dynamic default lets a `calculate` go without a `calculation`, and the XForm writer
/// turns it into a `setvalue` action instead of an instance value.
enum DynamicDefault {
    /// Types whose plain values contain hyphens (dates, coordinates), so a `-` is not arithmetic.
    private static let hyphenatedTypes: Set<String> = ["date", "dateTime", "geopoint", "geotrace", "geoshape"]

    /// Whether `value` is dynamic for a question whose (pyxform) type name is `typeName`.
    static func isDynamic(_ value: String, typeName: String) -> Bool {
        let characters = Array(value)
        var index = 0
        while index < characters.count {
            let (kind, length) = token(characters, at: index)
            switch kind {
            case .minus where hyphenatedTypes.contains(typeName): return false
            case .minus, .arithmetic, .union, .reference, .functionCall: return true
            case .other: break
            }
            index += max(length, 1)
        }
        return false
    }

    private enum Kind { case minus, arithmetic, union, reference, functionCall, other }

    /// The token at `index` by pyxform's lexer priorities: dates, times and numbers first (so a
    /// leading `-` of `-3` is a sign), then operators, literals, references, names.
    private static func token(_ c: [Character], at index: Int) -> (Kind, Int) {
        if let length = dateTime(c, index) ?? date(c, index) ?? time(c, index) ?? number(c, index) {
            return (.other, length)
        }
        let character = c[index]
        if character == "-" { return (.minus, 1) }
        if character == "*" || character == "+" { return (.arithmetic, 1) }
        if matches(c, index, " mod ") || matches(c, index, " div ") { return (.arithmetic, 5) }
        if matches(c, index, " and ") { return (.other, 5) }
        if matches(c, index, " or ") { return (.other, 4) }
        if character == "|" { return (.union, 1) }
        if character == "\"" || character == "'" {
            if let close = c[(index + 1)...].firstIndex(of: character) { return (.other, close - index + 1) }
            return (.other, 1)
        }
        if character == "$", index + 1 < c.count, c[index + 1] == "{",
           let close = c[(index + 2)...].firstIndex(of: "}") {
            let content = String(c[(index + 2)..<close])
            let name = content.hasPrefix("last-saved#") ? String(content.dropFirst(11)) : content
            if XMLName.isNCName(Substring(name)) { return (.reference, close - index + 1) }
        }
        if let length = name(c, index) {
            if index + length < c.count, c[index + length] == "(" { return (.functionCall, length + 1) }
            return (.other, length)
        }
        return (.other, 1)
    }

    private static func matches(_ c: [Character], _ index: Int, _ text: String) -> Bool {
        let pattern = Array(text)
        guard index + pattern.count <= c.count else { return false }
        return Array(c[index..<(index + pattern.count)]) == pattern
    }

    private static func digits(_ c: [Character], _ index: Int, count: Int) -> Bool {
        guard index + count <= c.count else { return false }
        return c[index..<(index + count)].allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func date(_ c: [Character], _ index: Int) -> Int? {
        var start = index
        if start < c.count, c[start] == "-" { start += 1 }
        guard digits(c, start, count: 4), start + 4 < c.count, c[start + 4] == "-",
              digits(c, start + 5, count: 2), start + 7 < c.count, c[start + 7] == "-",
              digits(c, start + 8, count: 2) else { return nil }
        return start + 10 - index
    }

    private static func time(_ c: [Character], _ index: Int) -> Int? {
        guard digits(c, index, count: 2), index + 2 < c.count, c[index + 2] == ":",
              digits(c, index + 3, count: 2), index + 5 < c.count, c[index + 5] == ":",
              digits(c, index + 6, count: 2) else { return nil }
        var end = index + 8
        if end < c.count, c[end] == "Z" {
            end += 1
        } else if end < c.count, c[end] == "+" || c[end] == "-", digits(c, end + 1, count: 2),
                  end + 3 < c.count, c[end + 3] == ":", digits(c, end + 4, count: 2) {
            end += 6
        }
        return end - index
    }

    private static func dateTime(_ c: [Character], _ index: Int) -> Int? {
        guard let dateLength = date(c, index), index + dateLength < c.count, c[index + dateLength] == "T",
              let timeLength = time(c, index + dateLength + 1) else { return nil }
        return dateLength + 1 + timeLength
    }

    private static func number(_ c: [Character], _ index: Int) -> Int? {
        var position = index
        if position < c.count, c[position] == "-" { position += 1 }
        let integerStart = position
        while position < c.count, c[position].isASCII, c[position].isNumber { position += 1 }
        let integerDigits = position - integerStart
        if position < c.count, c[position] == "." {
            let fractionStart = position + 1
            var end = fractionStart
            while end < c.count, c[end].isASCII, c[end].isNumber { end += 1 }
            if integerDigits > 0 || end > fractionStart { return end - index }
        }
        return integerDigits > 0 ? position - index : nil
    }

    /// An XML name, optionally prefixed, starting at `index`.
    private static func name(_ c: [Character], _ index: Int) -> Int? {
        func ncname(from start: Int) -> Int? {
            guard start < c.count, XMLName.isNCName(Substring(String(c[start]))) else { return nil }
            var end = start + 1
            while end < c.count, XMLName.isNCName(Substring("a" + String(c[end]))) { end += 1 }
            return end
        }
        guard var end = ncname(from: index) else { return nil }
        if end < c.count, c[end] == ":", let prefixed = ncname(from: end + 1) { end = prefixed }
        return end - index
    }
}
