/// Runs an ``Expression`` against one submission: to check constraints and relevance, and to
/// compute calculations, on the server.
///
/// It follows XPath 1.0 with the ODK XForms extensions, and where the specification leaves a
/// choice it does what ODK Collect (JavaRosa) does, so that the server agrees with the device
/// that collected the data. Everything it reads comes from the ``ExpressionContext``; it reads
/// no clock, file or network.
public struct ExpressionEvaluator: Sendable {
    public var context: ExpressionContext

    public init(context: ExpressionContext) {
        self.context = context
    }

    /// The value of `expression`. Convert it with ``ExpressionValue/booleanValue`` for a
    /// constraint or relevance, ``ExpressionValue/stringValue`` for a calculation.
    public func evaluate(_ expression: Expression) throws(ExpressionEvaluationError) -> ExpressionValue {
        switch expression {
        case .number(let text):
            return .number(ExpressionValue.number(fromText: text))
        case .string(let text):
            return .string(text)
        case .reference(let name):
            return referenceValue(name)
        case .path(let path):
            if path.start == .relative, path.steps == [.current] { return currentNode }
            return .nodeSet(context.pathValues(pathText(expression)))
        case .filter:
            return .nodeSet(context.pathValues(pathText(expression)))
        case .function(let name, let arguments):
            return try call(name, arguments)
        case .negation(let operand):
            return .number(-(try number(operand)))
        case .binary(let op, let left, let right):
            return try binary(op, left, right)
        case .union(let left, let right):
            let first = try nodes(left, for: "'|'")
            return .nodeSet(first + (try nodes(right, for: "'|'")))
        }
    }

    // MARK: - Operators

    private func binary(
        _ op: Expression.BinaryOperator, _ left: Expression, _ right: Expression
    ) throws(ExpressionEvaluationError) -> ExpressionValue {
        switch op {
        case .or:
            if try boolean(left) { return .boolean(true) }
            return .boolean(try boolean(right))
        case .and:
            if !(try boolean(left)) { return .boolean(false) }
            return .boolean(try boolean(right))
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let first = try evaluate(left)
            return .boolean(first.compare(op, with: try evaluate(right)))
        case .plus, .minus, .multiply, .divide, .modulo:
            let a = try number(left)
            let b = try number(right)
            switch op {
            case .plus: return .number(a + b)
            case .minus: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return .number(a / b)
            default: return .number(a.truncatingRemainder(dividingBy: b))
            }
        }
    }

    // MARK: - Functions

    private func call(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue {
        guard let signature = ExpressionFunctionSignature.odk[name] else {
            throw .unknownFunction(name)
        }
        guard signature.accepts(argumentCount: arguments.count) else {
            throw .wrongArgumentCount(function: name, expected: signature.expectedArguments, actual: arguments.count)
        }
        if let value = try stringFunction(name, arguments) { return value }
        if let value = try booleanFunction(name, arguments) { return value }
        if let value = try numberFunction(name, arguments) { return value }
        if let value = try nodeSetFunction(name, arguments) { return value }
        if let value = try dateFunction(name, arguments) { return value }
        if let value = try selectFunction(name, arguments) { return value }
        throw .notEvaluable(function: name, reason: ExpressionEvaluator.deviceOnlyReasons[name] ?? "it is not supported yet")
    }

    private static let deviceOnlyReasons: [String: String] = [
        "jr:itext": "translations are only shown on the device",
        "indexed-repeat": "the server does not yet read repeat instances by index",
        "randomize": "the shuffled order only exists on the device",
        "digest": "the server does not compute digests yet",
        "area": "the server does not compute geometry yet",
        "distance": "the server does not compute geometry yet",
        "geofence": "the server does not compute geometry yet",
        "version": "the form version is not given to expressions",
    ]

    // MARK: - Values of arguments

    func string(_ expression: Expression) throws(ExpressionEvaluationError) -> String {
        try evaluate(expression).stringValue
    }

    func number(_ expression: Expression) throws(ExpressionEvaluationError) -> Double {
        try evaluate(expression).numberValue
    }

    func boolean(_ expression: Expression) throws(ExpressionEvaluationError) -> Bool {
        try evaluate(expression).booleanValue
    }

    /// The nodes of an argument that must be a node-set.
    func nodes(_ expression: Expression, for operation: String) throws(ExpressionEvaluationError) -> [String] {
        guard case .nodeSet(let nodes) = try evaluate(expression) else { throw .notANodeSet(operation: operation) }
        return nodes
    }

    /// Every node's text of a node-set argument, or the text of a single value.
    func texts(_ expression: Expression) throws(ExpressionEvaluationError) -> [String] {
        try evaluate(expression).texts
    }

    // MARK: - Nodes

    /// `${name}`: the answer (or every answer, inside a repeat) as a node-set.
    func referenceValue(_ name: String) -> ExpressionValue {
        if let all = context.repeatedAnswers(name) { return .nodeSet(all) }
        return node(context.answer(name))
    }

    /// `.` and `current()`.
    var currentNode: ExpressionValue {
        node(context.currentValue)
    }

    private func node(_ value: String?) -> ExpressionValue {
        if let value { return .nodeSet([value]) }
        return .nodeSet(context.unansweredIsEmptyText ? [""] : [])
    }

    /// The text handed to ``ExpressionContext/pathValues``: the path with `${name}` inside
    /// predicates and arguments replaced by string literals of their answers.
    func pathText(_ expression: Expression) -> String {
        literalizingReferences(expression, keepReference: true).description
    }

    private func literalizingReferences(_ expression: Expression, keepReference: Bool) -> Expression {
        let inner = { (expression: Expression) in literalizingReferences(expression, keepReference: false) }
        switch expression {
        case .reference(let name):
            return keepReference ? expression : ExpressionEvaluator.literal(referenceValue(name).stringValue)
        case .number, .string:
            return expression
        case .path(var path):
            if case .expression(let start) = path.start {
                path.start = .expression(literalizingReferences(start, keepReference: true))
            }
            path.steps = path.steps.map { step in
                var step = step
                step.predicates = step.predicates.map(inner)
                return step
            }
            return .path(path)
        case .filter(let base, let predicates):
            return .filter(literalizingReferences(base, keepReference: true), predicates: predicates.map(inner))
        case .function(let name, let arguments):
            return .function(name, arguments: arguments.map(inner))
        case .negation(let operand):
            return .negation(inner(operand))
        case .binary(let op, let left, let right):
            return .binary(op, inner(left), inner(right))
        case .union(let left, let right):
            return .union(literalizingReferences(left, keepReference: keepReference),
                          literalizingReferences(right, keepReference: keepReference))
        }
    }

    /// An expression whose value is `text`: a string literal, or `concat()` of literals when
    /// the text holds both kinds of quote (XPath 1.0 strings cannot escape them).
    static func literal(_ text: String) -> Expression {
        guard text.contains("'"), text.contains("\"") else { return .string(text) }
        var parts: [Expression] = []
        for (offset, piece) in text.split(separator: "'", omittingEmptySubsequences: false).enumerated() {
            if offset > 0 { parts.append(.string("'")) }
            if !piece.isEmpty { parts.append(.string(String(piece))) }
        }
        return .function("concat", arguments: parts)
    }
}
