/// A parsed XLSForm expression: the XPath 1.0 subset that ODK XForms uses, plus XLSForm's
/// `${name}` references.
///
/// Relevance, constraints, calculations and choice filters are all written in this one language.
/// Parsing them once into a tree lets the form reader refuse unknown fields and functions at
/// upload time, lets the XForm writer print them with real paths, and lets the server evaluate
/// them when it checks a submission, all from the same parse.
///
/// Parentheses are not kept: the tree is what the text means, and ``xpath(resolvingReference:)``
/// adds back exactly the parentheses that meaning needs. Number literals keep their text, so
/// `1.50` prints as `1.50`.
public indirect enum Expression: Sendable, Hashable {
    /// A number literal, as written (`3`, `1.50`, `.5`). Never negative: `-1` is a negation.
    case number(String)
    /// A string literal, without its quotes. XPath 1.0 has no escapes, so a string holds either
    /// kind of quote but never both.
    case string(String)
    /// An XLSForm reference `${name}` to another question (the name only).
    case reference(String)
    /// A location path such as `/data/q`, `../q`, `.` or `instance('x')/root/item[name = 'a']`.
    case path(Path)
    /// A primary expression (function call, literal, reference or parenthesised expression)
    /// filtered by predicates, as in `(${a} | ${b})[1]`.
    case filter(Expression, predicates: [Expression])
    /// A function call; the name keeps its prefix (`jr:choice-name`).
    case function(String, arguments: [Expression])
    /// Unary minus.
    case negation(Expression)
    /// A binary operator (arithmetic, comparison or boolean).
    case binary(BinaryOperator, Expression, Expression)
    /// The union of two node-sets, `a | b`.
    case union(Expression, Expression)

    /// Parses expression text as written in an XLSForm cell or an XForm attribute.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var parser = try ExpressionParser(text: text)
        return try parser.parseWhole()
    }
}

extension Expression: CustomStringConvertible {
    /// The canonical text, with references written as `${name}`.
    public var description: String {
        xpath(resolvingReference: { "${\($0)}" })
    }
}
