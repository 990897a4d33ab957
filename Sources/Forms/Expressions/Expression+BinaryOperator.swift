extension Expression {
    /// The binary operators of XPath 1.0 (union has its own case, ``Expression/union(_:_:)``).
    ///
    /// Each knows its spelling and its precedence, so that the parser and the printer agree on
    /// both.
    public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
        case or
        case and
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case plus = "+"
        case minus = "-"
        case multiply = "*"
        case divide = "div"
        case modulo = "mod"

        /// The operator as written in XPath.
        public var symbol: String { rawValue }

        /// Binding strength, lowest first, as in XPath 1.0: `or` < `and` < equality <
        /// relational < additive < multiplicative. All are left-associative.
        var precedence: Int {
            switch self {
            case .or: ExpressionPrecedence.or
            case .and: ExpressionPrecedence.and
            case .equal, .notEqual: ExpressionPrecedence.equality
            case .less, .lessOrEqual, .greater, .greaterOrEqual: ExpressionPrecedence.relational
            case .plus, .minus: ExpressionPrecedence.additive
            case .multiply, .divide, .modulo: ExpressionPrecedence.multiplicative
            }
        }
    }
}

/// Precedence levels shared by the parser and the printer, lowest first.
enum ExpressionPrecedence {
    static let or = 1
    static let and = 2
    static let equality = 3
    static let relational = 4
    static let additive = 5
    static let multiplicative = 6
    static let unary = 7
    static let union = 8
    static let path = 9
}
