import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Parsing expressions")
struct ExpressionParserTests {
    private func relative(_ steps: Expression.Step...) -> Expression {
        .path(Expression.Path(start: .relative, steps: steps))
    }

    private func absolute(_ names: String...) -> Expression {
        .path(Expression.Path(start: .root, steps: names.map { .child($0) }))
    }

    @Test func literals() throws {
        #expect(try Expression.parse("42") == .number("42"))
        #expect(try Expression.parse("1.50") == .number("1.50"))
        #expect(try Expression.parse(".5") == .number(".5"))
        #expect(try Expression.parse("5.") == .number("5."))
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse("'it''s'") } // XPath 1.0 has no escapes
        #expect(try Expression.parse("\"it's\"") == .string("it's"))
        #expect(try Expression.parse("'say \"hi\"'") == .string("say \"hi\""))
        #expect(try Expression.parse("''") == .string(""))
    }

    @Test func references() throws {
        #expect(try Expression.parse("${age}") == .reference("age"))
        #expect(try Expression.parse("${first_name.2-b}") == .reference("first_name.2-b"))
        #expect(try Expression.parse("-${x}") == .negation(.reference("x")))
    }

    @Test func currentAndParent() throws {
        #expect(try Expression.parse(".") == relative(.current))
        #expect(try Expression.parse("..") == relative(.parent))
        #expect(try Expression.parse("../q") == relative(.parent, .child("q")))
        #expect(try Expression.parse("./q") == relative(.current, .child("q")))
    }

    @Test func absoluteAndRelativePaths() throws {
        #expect(try Expression.parse("/data/group/q") == absolute("data", "group", "q"))
        #expect(try Expression.parse("/") == .path(Expression.Path(start: .root, steps: [])))
        #expect(try Expression.parse("a/b") == relative(.child("a"), .child("b")))
        #expect(try Expression.parse("//item") == .path(Expression.Path(start: .root, steps: [.anyDescendantOrSelf, .child("item")])))
        #expect(try Expression.parse("a//b") == relative(.child("a"), .anyDescendantOrSelf, .child("b")))
    }

    @Test func axesWildcardsAndNodeTypes() throws {
        #expect(try Expression.parse("@id") == relative(Expression.Step(axis: .attribute, test: .name("id"))))
        #expect(try Expression.parse("child::x") == relative(.child("x")))
        #expect(try Expression.parse("self::node()") == relative(.current))
        #expect(try Expression.parse("parent :: *") == relative(Expression.Step(axis: .parent, test: .wildcard(prefix: nil))))
        #expect(try Expression.parse("x:item/text()") == relative(.child("x:item"), Expression.Step(test: .text)))
        #expect(try Expression.parse("h:*") == relative(Expression.Step(test: .wildcard(prefix: "h"))))
        #expect(try Expression.parse("following-sibling::q") == relative(Expression.Step(axis: .followingSibling, test: .name("q"))))
    }

    @Test func instancePathWithPredicate() throws {
        let parsed = try Expression.parse("instance('districts')/root/item[region = ${region}]/label")
        let expected = Expression.path(Expression.Path(
            start: .expression(.function("instance", arguments: [.string("districts")])),
            steps: [
                .child("root"),
                .child("item", predicates: [.binary(.equal, relative(.child("region")), .reference("region"))]),
                .child("label"),
            ]
        ))
        #expect(parsed == expected)
        #expect(parsed.references == ["region"])
        #expect(parsed.functions == ["instance"])
    }

    @Test func currentFunctionStartsAPath() throws {
        let parsed = try Expression.parse("current()/../x")
        #expect(parsed == .path(Expression.Path(
            start: .expression(.function("current", arguments: [])),
            steps: [.parent, .child("x")]
        )))
    }

    @Test func filterExpressions() throws {
        #expect(try Expression.parse("(${a} | ${b})[1]")
            == .filter(.union(.reference("a"), .reference("b")), predicates: [.number("1")]))
        #expect(try Expression.parse("f()[1]/x") == .path(Expression.Path(
            start: .expression(.filter(.function("f", arguments: []), predicates: [.number("1")])),
            steps: [.child("x")]
        )))
    }

    @Test func functionCallsWithNamespacesAndArguments() throws {
        #expect(try Expression.parse("jr:choice-name(${q}, '${q}')")
            == .function("jr:choice-name", arguments: [.reference("q"), .string("${q}")]))
        #expect(try Expression.parse("pulldata('fruits', 'name', 'key', ${k})")
            == .function("pulldata", arguments: [.string("fruits"), .string("name"), .string("key"), .reference("k")]))
        #expect(try Expression.parse("today()") == .function("today", arguments: []))
        #expect(try Expression.parse("concat ( 'a' , 'b' )") == .function("concat", arguments: [.string("a"), .string("b")]))
    }

    @Test func precedenceFollowsXPath() throws {
        let a = Expression.reference("a"), b = Expression.reference("b"), c = Expression.reference("c")
        #expect(try Expression.parse("${a} or ${b} and ${c}") == .binary(.or, a, .binary(.and, b, c)))
        #expect(try Expression.parse("${a} = ${b} and ${c}") == .binary(.and, .binary(.equal, a, b), c))
        #expect(try Expression.parse("${a} < ${b} = ${c}") == .binary(.equal, .binary(.less, a, b), c))
        #expect(try Expression.parse("${a} + ${b} < ${c}") == .binary(.less, .binary(.plus, a, b), c))
        #expect(try Expression.parse("${a} + ${b} * ${c}") == .binary(.plus, a, .binary(.multiply, b, c)))
        #expect(try Expression.parse("${a} - ${b} - ${c}") == .binary(.minus, .binary(.minus, a, b), c))
        #expect(try Expression.parse("(${a} + ${b}) * ${c}") == .binary(.multiply, .binary(.plus, a, b), c))
        #expect(try Expression.parse("-${a} * ${b}") == .binary(.multiply, .negation(a), b))
        #expect(try Expression.parse("-${a} | ${b}") == .negation(.union(a, b)))
        #expect(try Expression.parse("${a} div ${b} mod ${c}") == .binary(.modulo, .binary(.divide, a, b), c))
        #expect(try Expression.parse("--1") == .negation(.negation(.number("1"))))
    }

    @Test func keywordOperatorsOnlyInOperatorPosition() throws {
        // A field called `div` (or `and`, `mod`, `or`) in a path stays a name.
        #expect(try Expression.parse("div") == relative(.child("div")))
        #expect(try Expression.parse("div div div") == .binary(.divide, relative(.child("div")), relative(.child("div"))))
        #expect(try Expression.parse("/data/and") == absolute("data", "and"))
        #expect(try Expression.parse("mod mod mod") == .binary(.modulo, relative(.child("mod")), relative(.child("mod"))))
        // `*` multiplies after an operand and is a wildcard elsewhere.
        #expect(try Expression.parse("2 * *") == .binary(.multiply, .number("2"), relative(Expression.Step(test: .wildcard(prefix: nil)))))
        #expect(try Expression.parse("andor") == relative(.child("andor")))
    }

    @Test func namesMayContainDotsAndHyphens() throws {
        #expect(try Expression.parse("a-b") == relative(.child("a-b")))
        #expect(try Expression.parse("a - b") == .binary(.minus, relative(.child("a")), relative(.child("b"))))
        #expect(try Expression.parse("${a}-1") == .binary(.minus, .reference("a"), .number("1")))
    }

    @Test func referencesAndFunctionsInOrderOfFirstUse() throws {
        let parsed = try Expression.parse("if(${b} > 0, concat(${a}, ${b}), string(${c}[${a} = 1]))")
        #expect(parsed.references == ["b", "a", "c"])
        #expect(parsed.functions == ["if", "concat", "string"])
        #expect(try Expression.parse("1 + 2").references.isEmpty)
    }
}
