extension Expression {
    /// The expression as XForm XPath text, with each `${name}` replaced by what `resolve`
    /// returns for `name` (the absolute or relative path the XForm writer chooses).
    ///
    /// The text is canonical: one space around binary operators and `|`, `, ` between
    /// arguments, only the parentheses precedence needs, strings in the quote that does not clash,
    /// numbers as written. For any tree the parser produced, parsing the text printed with
    /// references kept as `${name}` (``description``) gives the same tree back.
    public func xpath(resolvingReference resolve: (String) -> String) -> String {
        withoutActuallyEscaping(resolve) { resolve in
            ExpressionPrinter(resolve: resolve).text(self)
        }
    }

    /// How tightly the expression binds, for deciding where parentheses are needed.
    var precedence: Int {
        switch self {
        case .binary(let op, _, _): op.precedence
        case .negation: ExpressionPrecedence.unary
        case .union: ExpressionPrecedence.union
        // A lone `/` followed by `*` or a name would read as a path step (`/ * 2` is `/*`
        // then `2`), so as an operand it is written `(/)`.
        case .path(let path) where path.start == .root && path.steps.isEmpty: 0
        case .number, .string, .reference, .path, .filter, .function: ExpressionPrecedence.path
        }
    }

    /// An XPath string literal for `value`, in whichever quote it does not contain.
    static func literal(_ value: String) -> String {
        value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}

/// Writes an ``Expression`` back as text.
private struct ExpressionPrinter {
    let resolve: (String) -> String

    func text(_ expression: Expression) -> String {
        switch expression {
        case .number(let text):
            return text
        case .string(let value):
            return Expression.literal(value)
        case .reference(let name):
            return resolve(name)
        case .path(let path):
            return text(path)
        case .filter(let base, let predicates):
            return filterBase(base) + predicates.map(predicate).joined()
        case .function(let name, let arguments):
            return name + "(" + arguments.map(text).joined(separator: ", ") + ")"
        case .negation(let operand):
            return "-" + text(operand, atLeast: ExpressionPrecedence.unary)
        case .binary(let op, let left, let right):
            return text(left, atLeast: op.precedence) + " \(op.symbol) " + text(right, atLeast: op.precedence + 1)
        case .union(let left, let right):
            return text(left, atLeast: ExpressionPrecedence.union) + " | "
                + text(right, atLeast: ExpressionPrecedence.union + 1)
        }
    }

    /// The text of `expression`, in parentheses if it binds less tightly than `precedence`.
    private func text(_ expression: Expression, atLeast precedence: Int) -> String {
        expression.precedence < precedence ? "(" + text(expression) + ")" : text(expression)
    }

    /// A primary expression that predicates or a path may follow without parentheses.
    private func filterBase(_ expression: Expression) -> String {
        switch expression {
        case .number, .string, .reference, .function: text(expression)
        default: "(" + text(expression) + ")"
        }
    }

    private func predicate(_ expression: Expression) -> String {
        "[" + text(expression) + "]"
    }

    private func text(_ path: Expression.Path) -> String {
        let prefix: String
        switch path.start {
        case .root:
            prefix = "/"
        case .relative:
            prefix = ""
        case .expression(let start):
            let base: String
            if case .filter = start { base = text(start) } else { base = filterBase(start) }
            prefix = path.steps.isEmpty ? base : base + "/"
        }
        var steps: [String] = []
        var previousAbbreviated = false
        for (offset, step) in path.steps.enumerated() {
            // `//` is an empty step between two slashes; it can't open a relative path, end a
            // path, or follow another `//`.
            let abbreviate = step == .anyDescendantOrSelf && offset < path.steps.count - 1
                && (offset > 0 || path.start != .relative) && !previousAbbreviated
            steps.append(abbreviate ? "" : text(step))
            previousAbbreviated = abbreviate
        }
        return prefix + steps.joined(separator: "/")
    }

    private func text(_ step: Expression.Step) -> String {
        if step == .current { return "." }
        if step == .parent { return ".." }
        let test = text(step.test)
        let head: String
        switch step.axis {
        case .child: head = test
        case .attribute: head = "@" + test
        default: head = step.axis.rawValue + "::" + test
        }
        return head + step.predicates.map(predicate).joined()
    }

    private func text(_ test: Expression.NodeTest) -> String {
        switch test {
        case .name(let name): name
        case .wildcard(let prefix): prefix.map { $0 + ":*" } ?? "*"
        case .node: "node()"
        case .text: "text()"
        case .comment: "comment()"
        case .processingInstruction(let literal): "processing-instruction(" + (literal.map(Expression.literal) ?? "") + ")"
        }
    }
}
