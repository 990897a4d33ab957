extension ExpressionEvaluator {
    /// The boolean and control functions, or nil when `name` is not one of them.
    func booleanFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        switch name {
        case "if":
            // Only the branch taken is evaluated.
            return try boolean(arguments[0]) ? try evaluate(arguments[1]) : try evaluate(arguments[2])
        case "coalesce":
            let first = try evaluate(arguments[0])
            return ExpressionEvaluator.isEmpty(first) ? try evaluate(arguments[1]) : first
        case "once":
            // The current answer, if there is one; the argument only computes the first one.
            let current = currentNode.stringValue
            return current.isEmpty ? try evaluate(arguments[0]) : .string(current)
        case "true":
            return .boolean(true)
        case "false":
            return .boolean(false)
        case "boolean":
            return .boolean(try boolean(arguments[0]))
        case "not":
            return .boolean(!(try boolean(arguments[0])))
        case "boolean-from-string":
            let text = try string(arguments[0])
            return .boolean(text.lowercased() == "true" || text == "1")
        case "regex":
            let text = try string(arguments[0])
            let pattern = try string(arguments[1])
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(pattern)
            } catch {
                throw .invalidRegularExpression(pattern: pattern)
            }
            // As the specification says ('[0-9]+' becomes /[0-9]+/): a match anywhere counts;
            // anchor with ^ and $ to test the whole value.
            return .boolean(text.firstMatch(of: regex) != nil)
        case "checklist":
            var count = 0
            for argument in arguments.dropFirst(2) {
                count += try truths(argument).filter { $0 }.count
            }
            return .boolean(try ExpressionEvaluator.within(Double(count), arguments[0], arguments[1], self))
        case "weighted-checklist":
            var total = 0.0
            var index = 2
            while index + 1 < arguments.count {
                let flags = try truths(arguments[index])
                let weights = try evaluate(arguments[index + 1]).texts.map(ExpressionValue.number(fromText:))
                for (flag, weight) in zip(flags, weights) where flag && !weight.isNaN {
                    total += weight
                }
                index += 2
            }
            return .boolean(try ExpressionEvaluator.within(total, arguments[0], arguments[1], self))
        default:
            return nil
        }
    }

    /// For `coalesce`: empty text or NaN (as JavaRosa decides).
    private static func isEmpty(_ value: ExpressionValue) -> Bool {
        switch value {
        case .number(let number): number.isNaN
        case .boolean: false
        case .string, .nodeSet: value.stringValue.isEmpty
        }
    }

    /// For the checklists: whether each item counts as ticked. A boolean counts as itself; text
    /// counts when it is a number above 0 (the specification's rule); a node-set gives one
    /// item per node.
    private func truths(_ expression: Expression) throws(ExpressionEvaluationError) -> [Bool] {
        let value = try evaluate(expression)
        if case .boolean(let flag) = value { return [flag] }
        if case .number(let number) = value { return [number > 0] }
        return value.texts.map { ExpressionValue.number(fromText: $0) > 0 }
    }

    /// Whether `total` lies between the minimum and maximum arguments; a negative bound means
    /// "no bound".
    private static func within(
        _ total: Double, _ minimum: Expression, _ maximum: Expression, _ evaluator: ExpressionEvaluator
    ) throws(ExpressionEvaluationError) -> Bool {
        let low = try evaluator.number(minimum)
        let high = try evaluator.number(maximum)
        return (low < 0 || total >= low) && (high < 0 || total <= high)
    }
}
