extension ExpressionValue {
    /// XPath 1.0 comparison (section 3.4) for `=`, `!=`, `<`, `<=`, `>` and `>=`.
    ///
    /// With a node-set on either side the comparison is existential: it holds when it holds for
    /// at least one node, so an empty node-set is neither equal nor unequal to anything. Between
    /// single values, `=` and `!=` compare as booleans if either side is one, else as numbers if
    /// either side is one (so `'5' = 5`), else as text; the order operators always compare
    /// numbers, and dates count as days since 1970-01-01, so `${visit} < today()` works.
    func compare(_ op: Expression.BinaryOperator, with other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.nodeSet(let left), .nodeSet(let right)):
            return left.contains { l in right.contains { r in ExpressionValue.string(l).compare(op, with: .string(r)) } }
        case (.nodeSet(let nodes), .boolean), (.boolean, .nodeSet(let nodes)):
            let asBoolean = ExpressionValue.boolean(!nodes.isEmpty)
            return if case .nodeSet = self { asBoolean.compare(op, with: other) } else { compare(op, with: asBoolean) }
        case (.nodeSet(let nodes), _):
            let single: (String) -> ExpressionValue = other.isNumber ? { .number(ExpressionValue.number(fromText: $0)) } : { .string($0) }
            return nodes.contains { single($0).compare(op, with: other) }
        case (_, .nodeSet(let nodes)):
            let single: (String) -> ExpressionValue = isNumber ? { .number(ExpressionValue.number(fromText: $0)) } : { .string($0) }
            return nodes.contains { compare(op, with: single($0)) }
        default:
            return compareSingle(op, with: other)
        }
    }

    private var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    private var isBoolean: Bool {
        if case .boolean = self { return true }
        return false
    }

    private func compareSingle(_ op: Expression.BinaryOperator, with other: ExpressionValue) -> Bool {
        switch op {
        case .equal, .notEqual:
            let equal: Bool
            if isBoolean || other.isBoolean {
                equal = booleanValue == other.booleanValue
            } else if isNumber || other.isNumber {
                equal = numberValue == other.numberValue // NaN equals nothing, so `!=` holds for it
            } else {
                equal = stringValue == other.stringValue
            }
            return op == .equal ? equal : !equal
        case .less: return numberValue < other.numberValue
        case .lessOrEqual: return numberValue <= other.numberValue
        case .greater: return numberValue > other.numberValue
        case .greaterOrEqual: return numberValue >= other.numberValue
        default: return false
        }
    }
}
