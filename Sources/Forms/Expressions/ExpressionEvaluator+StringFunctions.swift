import Foundation

extension ExpressionEvaluator {
    /// The string functions, or nil when `name` is not one of them. Argument counts are
    /// already checked.
    func stringFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        switch name {
        case "string":
            return .string(arguments.isEmpty ? currentNode.stringValue : try string(arguments[0]))
        case "concat":
            // ODK: every node of a node-set argument is included, not only the first.
            var result = ""
            for argument in arguments { result += try texts(argument).joined() }
            return .string(result)
        case "join":
            let separator = try string(arguments[0])
            var parts: [String] = []
            for argument in arguments.dropFirst() { parts += try texts(argument) }
            return .string(parts.joined(separator: separator))
        case "substr":
            let text = try string(arguments[0])
            let start = try number(arguments[1])
            let end = arguments.count > 2 ? try number(arguments[2]) : nil
            return .string(ExpressionEvaluator.substring(text, start: start, end: end))
        case "substring-before":
            let text = try string(arguments[0])
            let needle = try string(arguments[1])
            guard !needle.isEmpty, let found = text.range(of: needle) else { return .string("") }
            return .string(String(text[..<found.lowerBound]))
        case "substring-after":
            let text = try string(arguments[0])
            let needle = try string(arguments[1])
            if needle.isEmpty { return .string(text) }
            guard let found = text.range(of: needle) else { return .string("") }
            return .string(String(text[found.upperBound...]))
        case "translate":
            let text = try string(arguments[0])
            let from = Array(try string(arguments[1]))
            let to = Array(try string(arguments[2]))
            var result = ""
            for character in text {
                guard let index = from.firstIndex(of: character) else {
                    result.append(character)
                    continue
                }
                if index < to.count { result.append(to[index]) }
            }
            return .string(result)
        case "string-length":
            // UTF-16 code units, as ODK Collect and web forms count, so the server accepts
            // exactly the lengths the device accepted.
            let text = arguments.isEmpty ? currentNode.stringValue : try string(arguments[0])
            return .number(Double(text.utf16.count))
        case "normalize-space":
            let text = arguments.isEmpty ? currentNode.stringValue : try string(arguments[0])
            return .string(ExpressionEvaluator.xpathWords(text).joined(separator: " "))
        case "contains":
            let text = try string(arguments[0])
            let needle = try string(arguments[1])
            return .boolean(needle.isEmpty || text.range(of: needle) != nil)
        case "starts-with":
            let text = try string(arguments[0])
            return .boolean(text.hasPrefix(try string(arguments[1])))
        case "ends-with":
            let text = try string(arguments[0])
            return .boolean(text.hasSuffix(try string(arguments[1])))
        case "uuid":
            guard let lengthArgument = arguments.first else { return .string(context.makeUUID()) }
            return .string(randomText(length: try number(lengthArgument)))
        case "pulldata":
            return .string(try pulldata(arguments))
        case "base64-decode":
            let data = Data(base64Encoded: try string(arguments[0]), options: .ignoreUnknownCharacters)
            return .string(data.map { String(decoding: $0, as: UTF8.self) } ?? "")
        default:
            return nil
        }
    }

    /// ODK `substr`: 0-based `start` up to (not including) `end`; negative positions count from
    /// the end, out-of-range positions are clamped.
    static func substring(_ text: String, start: Double, end: Double?) -> String {
        let characters = Array(text)
        let count = characters.count
        func position(_ value: Double) -> Int {
            guard value.isFinite else { return value.isNaN || value < 0 ? 0 : count }
            let whole = Int(max(min(value.rounded(.towardZero), Double(Int32.max)), Double(Int32.min)))
            return min(max(0, whole < 0 ? count + whole : whole), count)
        }
        let from = position(start)
        let to = end.map(position) ?? count
        return from < to ? String(characters[from..<to]) : ""
    }

    /// The words of `text` split at XPath whitespace (space, tab, carriage return, line feed).
    static func xpathWords(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }

    /// `uuid(n)`: `n` characters taken from fresh UUIDs (without dashes).
    private func randomText(length: Double) -> String {
        guard length.isFinite, length >= 1 else { return "" }
        let wanted = Int(min(length, 10000))
        var result = ""
        while result.count < wanted {
            result += context.makeUUID().filter { $0 != "-" }
        }
        return String(result.prefix(wanted))
    }

    /// `pulldata(instance, wanted, key, value)`: the same as
    /// `instance(instance)/root/item[key = value]/wanted`, first match only.
    private func pulldata(_ arguments: [Expression]) throws(ExpressionEvaluationError) -> String {
        let instance = try string(arguments[0])
        let wanted = try string(arguments[1])
        let key = try string(arguments[2])
        let value = try string(arguments[3])
        guard ExpressionLexer.isNCName(wanted), ExpressionLexer.isNCName(key) else { return "" }
        let path = Expression.path(Expression.Path(
            start: .expression(.function("instance", arguments: [ExpressionEvaluator.literal(instance)])),
            steps: [
                .child("root"),
                .child("item", predicates: [.binary(.equal, .path(Expression.Path(start: .relative, steps: [.child(key)])), ExpressionEvaluator.literal(value))]),
                .child(wanted),
            ]
        ))
        return context.pathValues(path.description).first ?? ""
    }
}
