/// A recursive-descent parser for the XPath 1.0 grammar (plus `${name}` references), with
/// XPath's precedence: `or` < `and` < `=` `!=` < `<` `<=` `>` `>=` < `+` `-` <
/// `*` `div` `mod` < unary `-` < `|` < paths.
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var index = 0
    /// How deep the tree being built is at this point (operators, brackets, calls).
    private var depth = 0

    /// Deeper trees are refused: evaluating and printing recurse once per level, and no real
    /// form comes near this.
    static let maximumDepth = 512

    init(text: String) throws(ExpressionSyntaxError) {
        tokens = try ExpressionLexer.tokens(in: text)
    }

    /// Parses the whole text as one expression; anything left over is an error.
    mutating func parseWhole() throws(ExpressionSyntaxError) -> Expression {
        if current.kind == .end {
            throw ExpressionSyntaxError(position: 1, message: "the expression is empty")
        }
        let expression = try parseBinary(level: ExpressionPrecedence.or)
        switch current.kind {
        case .end:
            return expression
        case .closeParenthesis, .closeBracket:
            throw unexpected(current, expected: nil)
        default:
            throw unexpected(current, expected: "an operator such as 'and', 'or', '=' or '+'\(afterPrevious)")
        }
    }

    // MARK: - Tokens

    private var current: ExpressionToken { tokens[index] }

    private var previous: ExpressionToken? { index > 0 ? tokens[index - 1] : nil }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func unexpected(_ token: ExpressionToken, expected: String?) -> ExpressionSyntaxError {
        let position = token.offset + 1
        let what = token.kind == .end
            ? "unexpected end of expression at character \(position)"
            : "unexpected '\(token.text)' at character \(position)"
        return ExpressionSyntaxError(position: position, message: expected.map { "\(what): expected \($0)" } ?? what)
    }

    /// Consumes the closing bracket of a group opened by `opener`.
    private mutating func close(
        _ kind: ExpressionToken.Kind, _ symbol: String, opener: ExpressionToken
    ) throws(ExpressionSyntaxError) {
        guard current.kind == kind else {
            if current.kind == .end {
                throw ExpressionSyntaxError(
                    position: current.offset + 1,
                    message: "missing '\(symbol)' to close the '\(opener.text)' at character \(opener.offset + 1)"
                )
            }
            throw unexpected(current, expected: "'\(symbol)' to close the '\(opener.text)' at character \(opener.offset + 1)")
        }
        advance()
    }

    /// Goes one level deeper, refusing trees deeper than ``maximumDepth``.
    private mutating func deepen(at token: ExpressionToken) throws(ExpressionSyntaxError) {
        depth += 1
        if depth > ExpressionParser.maximumDepth {
            throw ExpressionSyntaxError(
                position: token.offset + 1,
                message: "the expression is nested too deeply at character \(token.offset + 1) "
                    + "(more than \(ExpressionParser.maximumDepth) levels): split it into several calculations"
            )
        }
    }

    private var afterPrevious: String {
        previous.map { " after '\($0.text)'" } ?? ""
    }

    // MARK: - Operators

    private mutating func parseBinary(level: Int) throws(ExpressionSyntaxError) -> Expression {
        guard level <= ExpressionPrecedence.multiplicative else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        var levels = 0
        defer { depth -= levels }
        while case .binaryOperator(let op) = current.kind, op.precedence == level {
            try deepen(at: current)
            levels += 1
            advance()
            let right = try parseBinary(level: level + 1)
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        if current.kind == .binaryOperator(.minus) {
            try deepen(at: current)
            defer { depth -= 1 }
            advance()
            return .negation(try parseUnary())
        }
        return try parseUnion()
    }

    private mutating func parseUnion() throws(ExpressionSyntaxError) -> Expression {
        var left = try parsePathExpression()
        var levels = 0
        defer { depth -= levels }
        while current.kind == .pipe {
            try deepen(at: current)
            levels += 1
            advance()
            left = .union(left, try parsePathExpression())
        }
        return left
    }

    // MARK: - Paths

    private mutating func parsePathExpression() throws(ExpressionSyntaxError) -> Expression {
        switch current.kind {
        case .slash:
            advance()
            let steps = startsStep(current) ? try parseRelativeSteps() : []
            return .path(Expression.Path(start: .root, steps: steps))
        case .doubleSlash:
            advance()
            return .path(Expression.Path(start: .root, steps: [.anyDescendantOrSelf] + (try parseRelativeSteps())))
        case _ where startsStep(current):
            return .path(Expression.Path(start: .relative, steps: try parseRelativeSteps()))
        default:
            let primary = try parsePrimary()
            var predicates: [Expression] = []
            while current.kind == .openBracket {
                predicates.append(try parsePredicate())
            }
            let base = predicates.isEmpty ? primary : .filter(primary, predicates: predicates)
            guard current.kind == .slash || current.kind == .doubleSlash else { return base }
            var steps: [Expression.Step] = current.kind == .doubleSlash ? [.anyDescendantOrSelf] : []
            advance()
            steps += try parseRelativeSteps()
            return .path(Expression.Path(start: .expression(base), steps: steps))
        }
    }

    private func startsStep(_ token: ExpressionToken) -> Bool {
        switch token.kind {
        case .name, .wildcard, .dot, .doubleDot, .at, .axis, .nodeType: true
        default: false
        }
    }

    private mutating func parseRelativeSteps() throws(ExpressionSyntaxError) -> [Expression.Step] {
        var steps = [try parseStep()]
        while current.kind == .slash || current.kind == .doubleSlash {
            if current.kind == .doubleSlash { steps.append(.anyDescendantOrSelf) }
            advance()
            steps.append(try parseStep())
        }
        return steps
    }

    private mutating func parseStep() throws(ExpressionSyntaxError) -> Expression.Step {
        let axis: Expression.Axis
        switch current.kind {
        case .dot:
            advance()
            return .current
        case .doubleDot:
            advance()
            return .parent
        case .at:
            advance()
            axis = .attribute
        case .axis(let named):
            advance()
            guard current.kind == .doubleColon else { throw unexpected(current, expected: "'::'") }
            advance()
            axis = named
        default:
            axis = .child
        }
        let test = try parseNodeTest()
        var predicates: [Expression] = []
        while current.kind == .openBracket {
            predicates.append(try parsePredicate())
        }
        return Expression.Step(axis: axis, test: test, predicates: predicates)
    }

    private mutating func parseNodeTest() throws(ExpressionSyntaxError) -> Expression.NodeTest {
        switch current.kind {
        case .name(let name):
            advance()
            return .name(name)
        case .wildcard(let prefix):
            advance()
            return .wildcard(prefix: prefix)
        case .nodeType(let type):
            advance()
            let opener = current
            guard opener.kind == .openParenthesis else { throw unexpected(current, expected: "'('") }
            advance()
            var literal: String?
            if type == "processing-instruction", case .string(let value) = current.kind {
                literal = value
                advance()
            }
            try close(.closeParenthesis, ")", opener: opener)
            switch type {
            case "node": return .node
            case "text": return .text
            case "comment": return .comment
            default: return .processingInstruction(literal)
            }
        default:
            throw unexpected(current, expected: "a name in the path\(afterPrevious)")
        }
    }

    private mutating func parsePredicate() throws(ExpressionSyntaxError) -> Expression {
        let opener = current
        try deepen(at: opener)
        defer { depth -= 1 }
        advance()
        let predicate = try parseBinary(level: ExpressionPrecedence.or)
        try close(.closeBracket, "]", opener: opener)
        return predicate
    }

    // MARK: - Primary expressions

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let text):
            advance()
            return .number(text)
        case .string(let text):
            advance()
            return .string(text)
        case .reference(let name):
            advance()
            return .reference(name)
        case .openParenthesis:
            try deepen(at: token)
            defer { depth -= 1 }
            advance()
            let inner = try parseBinary(level: ExpressionPrecedence.or)
            try close(.closeParenthesis, ")", opener: token)
            return inner
        case .functionName(let name):
            try deepen(at: token)
            defer { depth -= 1 }
            advance()
            let opener = current
            advance()
            var arguments: [Expression] = []
            if current.kind != .closeParenthesis {
                arguments.append(try parseBinary(level: ExpressionPrecedence.or))
                while current.kind == .comma {
                    advance()
                    arguments.append(try parseBinary(level: ExpressionPrecedence.or))
                }
                if current.kind != .closeParenthesis, current.kind != .end {
                    throw unexpected(current, expected: "',' or ')' in the call to \(name)()")
                }
            }
            try close(.closeParenthesis, ")", opener: opener)
            return .function(name, arguments: arguments)
        default:
            throw unexpected(token, expected: "a value\(afterPrevious)")
        }
    }
}
