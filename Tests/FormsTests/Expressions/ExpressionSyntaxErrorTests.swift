import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Expression syntax errors")
struct ExpressionSyntaxErrorTests {
    /// The error parsing `text` gives; records an issue if it parsed.
    private func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionSyntaxError? {
        do {
            let parsed = try Expression.parse(text)
            Issue.record("expected a syntax error, got \(parsed)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func unexpectedClosingParenthesis() {
        let found = error("if(. > 1, 2))")
        #expect(found?.position == 13)
        #expect(found?.message == "unexpected ')' at character 13")
    }

    @Test func unexpectedClosingParenthesisInTheMiddle() {
        let found = error("(1 + 2)) and ${a}")
        #expect(found?.position == 8)
        #expect(found?.message == "unexpected ')' at character 8")
    }

    @Test func unclosedString() {
        let found = error("${a} = 'yes")
        #expect(found?.position == 8)
        #expect(found?.message.hasPrefix("unclosed string starting at character 8") == true)
    }

    @Test func unclosedReference() {
        let found = error("1 + ${age")
        #expect(found?.position == 5)
        #expect(found?.message.hasPrefix("unclosed reference '${' starting at character 5") == true)
    }

    @Test func badReferenceSyntax() {
        let spaced = error("${first name} = 'x'")
        #expect(spaced?.position == 1)
        #expect(spaced?.message.hasPrefix("unknown reference syntax '${first name}' at character 1") == true)
        #expect(error("${} = 1")?.message.hasPrefix("unknown reference syntax '${}' at character 1") == true)
        #expect(error("${1abc}")?.position == 1)
        #expect(error(". + ${last-saved#q}")?.message.contains("last saved") == true)
    }

    @Test func variablesAreRefusedWithAHint() {
        let found = error("$age > 3")
        #expect(found?.position == 1)
        #expect(found?.message.contains("'${age}'") == true)
    }

    @Test func unexpectedCharacter() {
        let found = error("1 # 2")
        #expect(found?.position == 3)
        #expect(found?.message == "unexpected character '#' at character 3")
        #expect(error("a ! b")?.position == 3)
    }

    @Test func missingClosingParenthesisNamesTheOpening() {
        let found = error("concat('a', 'b'")
        #expect(found?.position == 16)
        #expect(found?.message == "missing ')' to close the '(' at character 7")
        #expect(error("instance('x')/root/item[name = 'a'")?.message == "missing ']' to close the '[' at character 24")
    }

    @Test func expressionEndingTooEarly() {
        let found = error(". >= 0 and")
        #expect(found?.position == 11)
        #expect(found?.message == "unexpected end of expression at character 11: expected a value after 'and'")
    }

    @Test func twoValuesWithoutAnOperator() {
        let found = error("${a} ${b}")
        #expect(found?.position == 6)
        #expect(found?.message.hasPrefix("unexpected '${b}' at character 6") == true)
        #expect(error("f(1 2)")?.message.hasPrefix("unexpected '2' at character 5: expected ',' or ')'") == true)
    }

    @Test func emptyExpressionAndMissingArgument() {
        #expect(error("")?.message == "the expression is empty")
        #expect(error("   ")?.position == 1)
        let found = error("concat(, 'a')")
        #expect(found?.position == 8)
        #expect(found?.message == "unexpected ',' at character 8: expected a value after '('")
    }

    @Test func positionsCountCharactersNotBytes() {
        // "é" and the emoji are one character each, however many bytes they take.
        let found = error("'é🙂' = )")
        #expect(found?.position == 8)
    }

    @Test func unknownAxisAndBrokenSteps() {
        #expect(error("sideways::x")?.message == "unknown axis 'sideways::' at character 1")
        #expect(error("/data/")?.message.hasPrefix("unexpected end of expression at character 7: expected a name in the path") == true)
        #expect(error("a/'b'")?.position == 3)
    }
}

@Suite("Expression nesting limit")
struct ExpressionNestingTests {
    @Test func deepNestingIsRefusedWithAPosition() throws {
        let deep = String(repeating: "(", count: 600) + "1" + String(repeating: ")", count: 600)
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(deep) }
        do {
            _ = try Expression.parse(deep)
        } catch {
            #expect(error.position == ExpressionParser.maximumDepth + 1)
            #expect(error.message.contains("nested too deeply"))
        }
        let longSum = (0..<600).map { "${q\($0)}" }.joined(separator: " + ")
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(longSum) }
    }

    @Test func realisticSizesParse() throws {
        let nested = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(try Expression.parse(nested) == .number("1"))
        let sum = (0..<200).map { "${q\($0)}" }.joined(separator: " + ")
        let parsed = try Expression.parse(sum)
        #expect(parsed.references.count == 200)
        #expect(try Expression.parse(parsed.description) == parsed)
    }
}
