/// The `parameters` column (`start=1 end=10 step=1`, `randomize=true, seed=${s}`), read as
/// pyxform reads it: pairs of `name=value` separated by spaces, commas or semicolons; names and
/// values are lower-cased, except the values of `label` and `value`, which name columns of a
/// file and so keep their case. A later pair with the same name replaces the earlier one.
enum ParameterList {
    /// The parameters were not written as `name=value` pairs.
    struct SyntaxError: Error, Sendable, Equatable {}

    static func parse(_ text: String) throws(SyntaxError) -> [FormAttribute] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in text {
            if character.isWhitespace || character == "," || character == ";" {
                flush()
            } else if character == "=" {
                flush()
                tokens.append("=")
            } else {
                current.append(character)
            }
        }
        flush()

        var result: [FormAttribute] = []
        var index = 0
        while index < tokens.count {
            guard index + 2 < tokens.count, tokens[index] != "=", tokens[index + 1] == "=", tokens[index + 2] != "=" else {
                throw SyntaxError()
            }
            let name = tokens[index].lowercased()
            let value = caseSensitive.contains(name) ? tokens[index + 2] : tokens[index + 2].lowercased()
            if let existing = result.firstIndex(where: { $0.name == name }) {
                result[existing].value = value
            } else {
                result.append(FormAttribute(name: name, value: value))
            }
            index += 3
        }
        return result
    }

    /// Parameters whose values name columns of an attached file.
    private static let caseSensitive: Set<String> = ["label", "value"]
}

extension Array where Element == FormAttribute {
    /// The value of the attribute with this name, if present.
    subscript(named name: String) -> String? {
        first { $0.name == name }?.value
    }
}
