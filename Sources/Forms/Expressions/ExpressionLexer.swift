/// Splits expression text into tokens, applying XPath 1.0's rules for telling the keyword
/// operators apart from names: `div`, `mod`, `and`, `or` and `*` are operators only where an
/// operator may stand, so a field called `div` in a path stays a name.
struct ExpressionLexer {
    private let characters: [Character]
    private var index = 0
    private var tokens: [ExpressionToken] = []

    init(text: String) {
        characters = Array(text)
    }

    /// All tokens of `text`, ending with an `.end` token.
    static func tokens(in text: String) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(text: text)
        return try lexer.run()
    }

    private mutating func run() throws(ExpressionSyntaxError) -> [ExpressionToken] {
        while true {
            skipWhitespace()
            guard index < characters.count else { break }
            tokens.append(try nextToken())
        }
        tokens.append(ExpressionToken(kind: .end, offset: characters.count, length: 0, text: ""))
        return tokens
    }

    private var operatorMayFollow: Bool {
        tokens.last?.allowsOperatorAfter ?? false
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace {
            index += 1
        }
    }

    private func character(at offset: Int) -> Character? {
        offset < characters.count ? characters[offset] : nil
    }

    private func token(_ kind: ExpressionToken.Kind, from start: Int) -> ExpressionToken {
        ExpressionToken(kind: kind, offset: start, length: index - start, text: String(characters[start..<index]))
    }

    private mutating func nextToken() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = index
        let current = characters[index]
        let next = character(at: index + 1)

        if ExpressionLexer.isDigit(current) || (current == "." && next.map(ExpressionLexer.isDigit) == true) {
            return number(from: start)
        }
        if current == "'" || current == "\"" {
            return try string(from: start, quote: current)
        }
        if current == "$" {
            return try reference(from: start)
        }
        if ExpressionLexer.isNameStart(current) {
            return try name(from: start)
        }
        index += 1
        switch current {
        case "(": return token(.openParenthesis, from: start)
        case ")": return token(.closeParenthesis, from: start)
        case "[": return token(.openBracket, from: start)
        case "]": return token(.closeBracket, from: start)
        case ",": return token(.comma, from: start)
        case "@": return token(.at, from: start)
        case "|": return token(.pipe, from: start)
        case "+": return token(.binaryOperator(.plus), from: start)
        case "-": return token(.binaryOperator(.minus), from: start)
        case "=": return token(.binaryOperator(.equal), from: start)
        case "*":
            return token(operatorMayFollow ? .binaryOperator(.multiply) : .wildcard(prefix: nil), from: start)
        case "/":
            if next == "/" {
                index += 1
                return token(.doubleSlash, from: start)
            }
            return token(.slash, from: start)
        case ".":
            if next == "." {
                index += 1
                return token(.doubleDot, from: start)
            }
            return token(.dot, from: start)
        case "<", ">":
            let orEqual = next == "="
            if orEqual { index += 1 }
            let kind: Expression.BinaryOperator = current == "<"
                ? (orEqual ? .lessOrEqual : .less)
                : (orEqual ? .greaterOrEqual : .greater)
            return token(.binaryOperator(kind), from: start)
        case "!" where next == "=":
            index += 1
            return token(.binaryOperator(.notEqual), from: start)
        case ":" where next == ":":
            index += 1
            return token(.doubleColon, from: start)
        default:
            throw ExpressionSyntaxError(
                position: start + 1,
                message: "unexpected character '\(current)' at character \(start + 1)"
            )
        }
    }

    private mutating func number(from start: Int) -> ExpressionToken {
        while let c = character(at: index), ExpressionLexer.isDigit(c) { index += 1 }
        if character(at: index) == "." {
            index += 1
            while let c = character(at: index), ExpressionLexer.isDigit(c) { index += 1 }
        }
        return token(.number(String(characters[start..<index])), from: start)
    }

    private mutating func string(from start: Int, quote: Character) throws(ExpressionSyntaxError) -> ExpressionToken {
        index += 1
        while index < characters.count, characters[index] != quote {
            index += 1
        }
        guard index < characters.count else {
            throw ExpressionSyntaxError(
                position: start + 1,
                message: "unclosed string starting at character \(start + 1): add the closing \(quote)"
            )
        }
        let content = String(characters[(start + 1)..<index])
        index += 1
        return token(.string(content), from: start)
    }

    private mutating func reference(from start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        guard character(at: start + 1) == "{" else {
            index += 1
            let variable = readNCName() ?? ""
            let hint = variable.isEmpty ? "" : "; a question is referenced as '${\(variable)}'"
            throw ExpressionSyntaxError(
                position: start + 1,
                message: "unexpected '$\(variable)' at character \(start + 1): variables are not supported\(hint)"
            )
        }
        var end = start + 2
        while end < characters.count, characters[end] != "}" {
            end += 1
        }
        guard end < characters.count else {
            throw ExpressionSyntaxError(
                position: start + 1,
                message: "unclosed reference '${' starting at character \(start + 1): add the closing }"
            )
        }
        let name = String(characters[(start + 2)..<end])
        index = end + 1
        guard ExpressionLexer.isNCName(name) else {
            let written = String(characters[start..<index])
            let reason = name.hasPrefix("last-saved#")
                ? "references to the last saved form are not supported"
                : "write ${name} with the name of a question"
            throw ExpressionSyntaxError(
                position: start + 1,
                message: "unknown reference syntax '\(written)' at character \(start + 1): \(reason)"
            )
        }
        return token(.reference(name), from: start)
    }

    private mutating func name(from start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        let local = readNCName() ?? ""
        if operatorMayFollow, let keyword = Expression.BinaryOperator(keyword: local) {
            return token(.binaryOperator(keyword), from: start)
        }
        // A prefixed name `p:name` or `p:*` (but not the axis separator `::`).
        var qualified = local
        var wildcardPrefix: String?
        if character(at: index) == ":", let after = character(at: index + 1), after != ":" {
            if after == "*" {
                index += 2
                wildcardPrefix = local
            } else if ExpressionLexer.isNameStart(after) {
                index += 1
                qualified = local + ":" + (readNCName() ?? "")
            }
        }
        if let wildcardPrefix {
            return token(.wildcard(prefix: wildcardPrefix), from: start)
        }
        let end = index
        var lookahead = index
        while lookahead < characters.count, characters[lookahead].isWhitespace { lookahead += 1 }
        let following = character(at: lookahead)
        if following == "(" {
            let isNodeType = ["node", "text", "comment", "processing-instruction"].contains(qualified)
            return token(isNodeType ? .nodeType(qualified) : .functionName(qualified), from: start)
        }
        if following == ":", character(at: lookahead + 1) == ":" {
            guard let axis = Expression.Axis(rawValue: qualified) else {
                throw ExpressionSyntaxError(
                    position: start + 1,
                    message: "unknown axis '\(qualified)::' at character \(start + 1)"
                )
            }
            index = end
            return token(.axis(axis), from: start)
        }
        return token(.name(qualified), from: start)
    }

    /// Reads an XML NCName at the current position, if one starts there.
    private mutating func readNCName() -> String? {
        guard let first = character(at: index), ExpressionLexer.isNameStart(first) else { return nil }
        let start = index
        index += 1
        while let c = character(at: index), ExpressionLexer.isNameCharacter(c) { index += 1 }
        return String(characters[start..<index])
    }

    static func isDigit(_ c: Character) -> Bool {
        c.isASCII && c.isNumber
    }

    static func isNameStart(_ c: Character) -> Bool {
        c == "_" || c.isLetter
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        if isNameStart(c) || c.isNumber || c == "-" || c == "." || c == "\u{B7}" { return true }
        // Combining marks (e.g. accents written as separate code points) belong to the name.
        return c.unicodeScalars.first.map { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .connectorPunctuation: true
            default: false
            }
        } ?? false
    }

    /// Whether `text` is an XML name without a prefix (what a question name must be).
    static func isNCName(_ text: String) -> Bool {
        guard let first = text.first, isNameStart(first) else { return false }
        return text.dropFirst().allSatisfy(isNameCharacter)
    }
}

extension Expression.BinaryOperator {
    /// The keyword operators, recognised only where an operator may stand.
    init?(keyword: String) {
        switch keyword {
        case "and": self = .and
        case "or": self = .or
        case "div": self = .divide
        case "mod": self = .modulo
        default: return nil
        }
    }
}
