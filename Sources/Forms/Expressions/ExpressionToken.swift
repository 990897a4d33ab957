/// One lexical token of an expression, with where it sits in the text.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(String)
        case string(String)
        /// `${name}`; holds the name.
        case reference(String)
        /// A name test (QName), e.g. `item` or `x:item`.
        case name(String)
        /// `*` or `prefix:*` as a name test (not the multiplication operator).
        case wildcard(prefix: String?)
        /// A name followed by `(`.
        case functionName(String)
        /// `node`, `text`, `comment` or `processing-instruction` followed by `(`.
        case nodeType(String)
        /// An axis name followed by `::`.
        case axis(Expression.Axis)
        /// A binary operator, including the keyword operators `and`, `or`, `div`, `mod` and `*`
        /// when they stand where an operator is expected. `-` may also be a unary minus.
        case binaryOperator(Expression.BinaryOperator)
        case pipe
        case slash
        case doubleSlash
        case openParenthesis
        case closeParenthesis
        case openBracket
        case closeBracket
        case comma
        case at
        case doubleColon
        case dot
        case doubleDot
        case end
    }

    let kind: Kind
    /// 0-based offset of the first character in the text.
    let offset: Int
    /// Length in characters.
    let length: Int
    /// The token as written.
    let text: String

    /// Whether an operator may follow this token (XPath 1.0, section 3.7: after anything but
    /// `@`, `::`, `(`, `[`, `,` or an operator, a `*` multiplies and a name is an operator name).
    var allowsOperatorAfter: Bool {
        switch kind {
        case .number, .string, .reference, .name, .wildcard, .closeParenthesis, .closeBracket, .dot, .doubleDot:
            true
        case .functionName, .nodeType, .axis, .binaryOperator, .pipe, .slash, .doubleSlash, .openParenthesis,
             .openBracket, .comma, .at, .doubleColon, .end:
            false
        }
    }
}
