import Foundation
import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Evaluating expressions")
struct ExpressionEvaluatorTests {
    private typealias F = ExpressionFixture

    @Test func arithmetic() throws {
        #expect(try F.number("1 + 2 * 3") == 7)
        #expect(try F.number("(1 + 2) * 3") == 9)
        #expect(try F.number("7 div 2") == 3.5)
        #expect(try F.number("7 mod 3") == 1)
        #expect(try F.number("-7 mod 3") == -1)
        #expect(try F.number("5 mod -2") == 1)
        #expect(try F.number("1 div 0") == .infinity)
        #expect(try F.number("-1 div 0") == -.infinity)
        #expect(try F.number("0 div 0").isNaN)
        #expect(try F.number("-${x}", ["x": "4"]) == -4)
        #expect(try F.number("${a} div ${b}", ["a": "9", "b": "3"]) == 3)
        #expect(try F.number("'3' + '4'") == 7)
        #expect(try F.number("'abc' + 1").isNaN)
        #expect(try F.number("1.50 * 2") == 3)
    }

    @Test func constraintsAndRelevance() throws {
        let range = ". >= 0 and . <= 120"
        #expect(try F.value(range, adjusting: { $0.currentValue = "35" }).booleanValue)
        #expect(try !F.value(range, adjusting: { $0.currentValue = "121" }).booleanValue)
        #expect(try !F.value(range, adjusting: { $0.currentValue = "" }).booleanValue)
        #expect(try F.boolean("if(${age} < 18, 'minor', 'adult') = 'minor'", ["age": "12"]))
        #expect(try F.string("if(${age} < 18, 'minor', 'adult')", ["age": "40"]) == "adult")
        let phone = "string-length(.) = 10 and regex(., '^[0-9]+$')"
        #expect(try F.value(phone, adjusting: { $0.currentValue = "0712345678" }).booleanValue)
        #expect(try !F.value(phone, adjusting: { $0.currentValue = "07123456x8" }).booleanValue)
    }

    @Test func booleanOperatorsShortCircuit() throws {
        // The right side would be an error; it is never evaluated.
        #expect(try F.boolean("true() or nonexistent()"))
        #expect(try !F.boolean("false() and nonexistent()"))
        #expect(throws: ExpressionEvaluationError.unknownFunction("nonexistent")) {
            try F.value("false() or nonexistent()")
        }
    }

    @Test func stringAndNumberComparison() throws {
        #expect(try F.boolean("${n} = 5", ["n": "5.0"]))
        #expect(try !F.boolean("${n} = '5'", ["n": "5.0"]))
        #expect(try F.boolean("${n} > 10", ["n": "11"]))
        #expect(try !F.boolean("${n} > 10", ["n": "abc"]))
        #expect(try !F.boolean("${n} <= 10", ["n": "abc"]))
    }

    @Test func unansweredAndEmptyAnswers() throws {
        // By default an unanswered question reads like an empty answer, as in ODK Collect.
        #expect(try F.boolean("${q} = ''"))
        #expect(try F.boolean("${q} = ''", ["q": ""]))
        #expect(try !F.boolean("${q} != ''"))
        #expect(try F.number("count(${q})") == 1)
        #expect(try F.number("string-length(${q})") == 0)
        #expect(try F.number("${q} + 1").isNaN)

        // Read as the submitted XML, an unanswered (non-relevant) question is absent.
        let absent = { (context: inout ExpressionContext) in context.unansweredIsEmptyText = false }
        #expect(try !F.value("${q} = ''", adjusting: absent).booleanValue)
        #expect(try !F.value("${q} != ''", adjusting: absent).booleanValue)
        #expect(try F.value("count(${q})", adjusting: absent).numberValue == 0)
        #expect(try F.value("not(${q})", adjusting: absent).booleanValue)
        // An empty answer is still a node.
        #expect(try F.value("${q} = ''", ["q": ""], adjusting: absent).booleanValue)
        #expect(try F.value("count(${q})", ["q": ""], adjusting: absent).numberValue == 1)
    }

    @Test func repeatedAnswersFormANodeSet() throws {
        let members = { (context: inout ExpressionContext) in
            context.repeatedAnswers = { $0 == "age" ? ["34", "", "7"] : nil }
        }
        #expect(try F.value("count(${age})", adjusting: members).numberValue == 3)
        #expect(try F.value("sum(${age})", adjusting: members).numberValue == 41)
        #expect(try F.value("${age} < 18", adjusting: members).booleanValue)
        #expect(try F.value("max(${age})", adjusting: members).numberValue == 34)
        #expect(try F.value("count-non-empty(${age})", adjusting: members).numberValue == 2)
        #expect(try F.value("join(', ', ${age})", adjusting: members).stringValue == "34, , 7")
        #expect(try F.value("position(..)", adjusting: { $0.position = 3 }).numberValue == 3)
        #expect(try F.number("position()") == 1)
    }

    @Test func pathsGoThroughTheContextWithPredicateReferencesAsLiterals() throws {
        let asked = ExpressionPathLog()
        let value = try F.value(
            "instance('districts')/root/item[region = ${region}]/label",
            ["region": "north"],
            adjusting: { context in
                context.pathValues = { path in
                    asked.record(path)
                    return ["Gulu", "Lira"]
                }
            }
        )
        #expect(value == .nodeSet(["Gulu", "Lira"]))
        #expect(asked.paths == ["instance('districts')/root/item[region = 'north']/label"])
    }

    @Test func predicateReferencesWithBothQuotesBecomeConcat() throws {
        let asked = ExpressionPathLog()
        _ = try F.value("/data/item[name = ${n}]", ["n": "it's \"x\""], adjusting: { context in
            context.pathValues = { asked.record($0); return [] }
        })
        #expect(asked.paths == ["/data/item[name = concat('it', \"'\", 's \"x\"')]"])
    }

    @Test func currentNodeAndUnion() throws {
        #expect(try F.value(".", adjusting: { $0.currentValue = "x" }) == .nodeSet(["x"]))
        #expect(try F.value("current()", adjusting: { $0.currentValue = "x" }) == .nodeSet(["x"]))
        #expect(try F.value("${a} | ${b}", ["a": "1", "b": "2"]) == .nodeSet(["1", "2"]))
        #expect(throws: ExpressionEvaluationError.notANodeSet(operation: "'|'")) {
            try F.value("${a} | 'x'")
        }
    }

    @Test func runTimeErrorsAreTyped() throws {
        #expect(try F.evaluationError("foo(1)") == .unknownFunction("foo"))
        #expect(try F.evaluationError("if(1, 2)") == .wrongArgumentCount(function: "if", expected: "3 arguments", actual: 2))
        #expect(try F.evaluationError("if(1, 2)")?.message == "if() takes 3 arguments, but 2 were given")
        #expect(try F.evaluationError("concat()") == nil)
        #expect(try F.evaluationError("round()")?.message == "round() takes 1 or 2 arguments, but 0 were given")
        #expect(try F.evaluationError("jr:itext('x')")?.message.hasPrefix("jr:itext() can't be computed on the server") == true)
        #expect(try F.evaluationError("count('a')") == .notANodeSet(operation: "count()"))
        #expect(try F.evaluationError("random()") != nil)
    }

    @Test func contextFromADictionaryOfAnswers() throws {
        let context = ExpressionContext(answers: ["age": "17", "name": "Ama"], now: F.now, currentValue: "x")
        let evaluator = ExpressionEvaluator(context: context)
        #expect(try evaluator.evaluate(Expression.parse("${age} < 18 and ${name} != ''")) == .boolean(true))
        #expect(try evaluator.evaluate(Expression.parse("concat(., ${missing}, today())")) == .string("x2024-05-01"))
    }

    @Test func randomNumbersComeFromTheContext() throws {
        let value = try F.value("round(random() * 10)", adjusting: { $0.randomNumber = { 0.42 } })
        #expect(value.numberValue == 4)
        #expect(try F.value("once(random())", adjusting: { $0.currentValue = "0.9" }).stringValue == "0.9")
    }
}

/// Records the paths an evaluation asked for (the context's closures must be Sendable).
final class ExpressionPathLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func record(_ path: String) {
        lock.lock()
        recorded.append(path)
        lock.unlock()
    }

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
