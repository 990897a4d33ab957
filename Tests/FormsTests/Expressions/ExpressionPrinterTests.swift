import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Printing expressions as XPath")
struct ExpressionPrinterTests {
    /// Realistic ODK expressions, already in canonical form.
    static let canonicalCorpus = [
        ". >= 0 and . <= 120",
        "selected(${q}, 'other')",
        "count-selected(.) <= 3",
        "if(${age} < 18, 'minor', 'adult')",
        "instance('districts')/root/item[region = ${region}]",
        "string-length(.) = 10 and regex(., '^[0-9]+$')",
        "${a} div ${b}",
        "-${x}",
        "format-date(today(), '%Y-%m')",
        "decimal-date-time(${d}) - decimal-date-time(today())",
        "jr:choice-name(${fruit}, '${fruit}')",
        "instance('cities')/root/item[country = current()/../country]/label",
        "not(selected(${consent}, 'yes')) or ${age} >= 18",
        "(${a} + ${b}) * ${c}",
        "${a} - (${b} - ${c})",
        "-(${a} + 1)",
        "${total} mod 2 = 0",
        "coalesce(${nickname}, ${name})",
        "concat(\"it's \", ${name})",
        "/data/household/member[position() = 1]/name",
        "count(../member) > 0",
        "once(uuid())",
        "round(${weight} div (${height} * ${height}), 1.50)",
        "sum(${income}) > 1000",
        "(${a} | ${b})[1]",
        "@id",
        "//item",
        "a//b",
        "parent::*",
        "pulldata('fruits', 'price', 'name', ${fruit}) * 2",
        "${a} = ${b} = ${c}",
        "${a} or ${b} and ${c}",
        "(${a} or ${b}) and ${c}",
        "--1",
        "-${a} * ${b}",
        "(-${a}) | ${b}",
        "self::node()[. = 'x']",
        "div div div",
        "processing-instruction('x')",
    ]

    @Test(arguments: canonicalCorpus)
    func canonicalTextPrintsUnchangedAndRoundTrips(_ text: String) throws {
        let parsed = try Expression.parse(text)
        #expect(parsed.description == text)
        #expect(try Expression.parse(parsed.description) == parsed)
    }

    @Test func authorSpacingAndParenthesesBecomeCanonical() throws {
        #expect(try Expression.parse(".>=0 and .<=120").description == ". >= 0 and . <= 120")
        #expect(try Expression.parse("((${a}))+${b}").description == "${a} + ${b}")
        #expect(try Expression.parse("concat( 'a' ,'b' )").description == "concat('a', 'b')")
        #expect(try Expression.parse("${a} + (${b} * ${c})").description == "${a} + ${b} * ${c}")
        #expect(try Expression.parse("1.50 +  .5").description == "1.50 + .5")
        #expect(try Expression.parse("/descendant-or-self::node()/x").description == "//x")
        #expect(try Expression.parse("self::node()/child::x").description == "./x")
    }

    @Test func stringsUseTheQuoteThatDoesNotClash() {
        #expect(Expression.string("plain").description == "'plain'")
        #expect(Expression.string("it's").description == "\"it's\"")
        #expect(Expression.string("say \"hi\"").description == "'say \"hi\"'")
    }

    @Test func handBuiltTreesGetTheParenthesesTheyNeed() throws {
        let a = Expression.reference("a"), b = Expression.reference("b"), c = Expression.reference("c")
        let trees: [Expression] = [
            .binary(.multiply, .binary(.plus, a, b), c),
            .binary(.minus, a, .binary(.minus, b, c)),
            .binary(.equal, a, .binary(.equal, b, c)),
            .negation(.binary(.plus, a, b)),
            .union(a, .union(b, c)),
            .union(.negation(a), b),
            .filter(.binary(.plus, a, b), predicates: [.number("1")]),
            .filter(.filter(.function("f", arguments: []), predicates: [.number("1")]), predicates: [.number("2")]),
            .path(Expression.Path(start: .expression(.union(a, b)), steps: [.child("x")])),
        ]
        for tree in trees {
            #expect(try Expression.parse(tree.description) == tree, "\(tree.description)")
        }
    }

    @Test func resolvedReferencesBecomePaths() throws {
        let parsed = try Expression.parse("if(${age} < 18, 'minor', concat('adult ', ${name}))")
        let text = parsed.xpath(resolvingReference: { "/data/\($0)" })
        #expect(text == "if(/data/age < 18, 'minor', concat('adult ', /data/name))")
        let relative = try Expression.parse("${a} div ${b}").xpath(resolvingReference: { "../\($0)" })
        #expect(relative == "../a div ../b")
    }

    @Test func referencesInsideStringLiteralsAreText() throws {
        let parsed = try Expression.parse("jr:choice-name(${q}, '${q}')")
        #expect(parsed.xpath(resolvingReference: { "/data/\($0)" }) == "jr:choice-name(/data/q, '${q}')")
    }
}
