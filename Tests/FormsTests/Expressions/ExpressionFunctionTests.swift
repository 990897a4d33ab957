import Foundation
import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("ODK functions")
struct ExpressionFunctionTests {
    private typealias F = ExpressionFixture

    // MARK: - Strings

    @Test func stringFunctions() throws {
        #expect(try F.string("string(12.0)") == "12")
        #expect(try F.value("string()", adjusting: { $0.currentValue = "here" }).stringValue == "here")
        #expect(try F.string("concat('a', ${b}, 3)", ["b": "B"]) == "aB3")
        #expect(try F.string("concat(${x})", ["x": "only"]) == "only")
        #expect(try F.string("join('-', 'a', 'b', 'c')") == "a-b-c")
        #expect(try F.string("substring-before('2024-05-01', '-')") == "2024")
        #expect(try F.string("substring-after('2024-05-01', '-')") == "05-01")
        #expect(try F.string("substring-before('abc', 'x')") == "")
        #expect(try F.string("substring-after('abc', '')") == "abc")
        #expect(try F.string("translate('bar', 'abc', 'ABC')") == "BAr")
        #expect(try F.string("translate('--aaa--', 'a-', 'A')") == "AAA")
        #expect(try F.number("string-length('hello')") == 5)
        #expect(try F.number("string-length('')") == 0)
        #expect(try F.string("normalize-space('  a \t b\n ')") == "a b")
        #expect(try F.boolean("contains('citizen', 'tiz')"))
        #expect(try F.boolean("contains('citizen', '')"))
        #expect(try !F.boolean("contains('citizen', 'x')"))
        #expect(try F.boolean("starts-with('citizen', 'cit')"))
        #expect(try F.boolean("ends-with('citizen', 'zen')"))
        #expect(try !F.boolean("ends-with('citizen', 'cit')"))
    }

    @Test func substrIsZeroBasedWithNegativePositionsFromTheEnd() throws {
        #expect(try F.string("substr('abcdef', 1)") == "bcdef")
        #expect(try F.string("substr('abcdef', 1, 3)") == "bc")
        #expect(try F.string("substr('abcdef', -2)") == "ef")
        #expect(try F.string("substr('abcdef', 0, -1)") == "abcde")
        #expect(try F.string("substr('abcdef', 4, 2)") == "")
        #expect(try F.string("substr('abcdef', 2, 100)") == "cdef")
        #expect(try F.string("substr('ñandú', 0, 2)") == "ña")
    }

    @Test func uuidsComeFromTheContext() throws {
        #expect(try F.string("uuid()") == "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(try F.string("uuid(8)") == "0f8fad5b")
        #expect(try F.number("string-length(uuid(40))") == 40)
        #expect(try F.string("uuid(0)") == "")
    }

    @Test func pulldataAndInstanceReadSecondaryInstances() throws {
        let log = ExpressionPathLog()
        let lookup = { (context: inout ExpressionContext) in
            context.pathValues = { path in
                log.record(path)
                return path.hasSuffix("/price") ? ["2.5", "9"] : ["a", "b", "c"]
            }
        }
        #expect(try F.value("pulldata('fruits', 'price', 'name', 'mango')", adjusting: lookup).stringValue == "2.5")
        #expect(try F.value("count(instance('fruits')/root/item)", adjusting: lookup).numberValue == 3)
        #expect(log.paths == [
            "instance('fruits')/root/item[name = 'mango']/price",
            "instance('fruits')/root/item",
        ])
    }

    @Test func base64Decode() throws {
        #expect(try F.string("base64-decode('Q2l0aXplbiBkYXRh')") == "Citizen data")
        #expect(try F.string("base64-decode('***')") == "")
    }

    // MARK: - Booleans and control

    @Test func booleanFunctions() throws {
        #expect(try F.value("true()") == .boolean(true))
        #expect(try F.value("false()") == .boolean(false))
        #expect(try F.boolean("boolean('false')"))
        #expect(try !F.boolean("boolean(0)"))
        #expect(try !F.boolean("not(1)"))
        #expect(try F.boolean("boolean-from-string('true')"))
        #expect(try F.boolean("boolean-from-string('TRUE')"))
        #expect(try F.boolean("boolean-from-string('1')"))
        #expect(try !F.boolean("boolean-from-string('false')"))
        #expect(try !F.boolean("boolean-from-string('yes')"))
    }

    @Test func ifOnlyEvaluatesTheBranchTaken() throws {
        #expect(try F.string("if(1 = 1, 'yes', nonexistent())") == "yes")
        #expect(try F.value("if(false(), 'yes', ${n})", ["n": "3"]) == .nodeSet(["3"]))
    }

    @Test func coalesceSkipsEmptyAndNaN() throws {
        #expect(try F.string("coalesce(${nickname}, ${name})", ["name": "Ama"]) == "Ama")
        #expect(try F.string("coalesce(${nickname}, ${name})", ["nickname": "", "name": "Ama"]) == "Ama")
        #expect(try F.string("coalesce(${nickname}, ${name})", ["nickname": "Ami", "name": "Ama"]) == "Ami")
        #expect(try F.number("coalesce(0 div 0, 4)") == 4)
    }

    @Test func onceKeepsTheCurrentValue() throws {
        #expect(try F.value("once(concat('a', 'b'))", adjusting: { $0.currentValue = "" }).stringValue == "ab")
        #expect(try F.value("once(concat('a', 'b'))", adjusting: { $0.currentValue = "kept" }).stringValue == "kept")
    }

    @Test func regexMatchesAnywhereUnlessAnchored() throws {
        #expect(try F.boolean("regex('abc123', '[0-9]+')"))
        #expect(try !F.boolean("regex('abc123', '^[0-9]+$')"))
        #expect(try F.boolean("regex('+256 712', '^\\+[0-9 ]+$')"))
        #expect(try F.evaluationError("regex('a', '[a-')") == .invalidRegularExpression(pattern: "[a-"))
    }

    @Test func checklists() throws {
        let answers = ["a": "1", "b": "0", "c": "2", "d": ""]
        #expect(try F.boolean("checklist(2, 2, ${a}, ${b}, ${c}, ${d})", answers))
        #expect(try !F.boolean("checklist(3, -1, ${a}, ${b}, ${c}, ${d})", answers))
        #expect(try F.boolean("checklist(-1, 1, ${b}, ${d}, 'yes')", answers))
        #expect(try F.boolean("checklist(1, 1, ${a} = '1', ${b} = '1')", answers))
        #expect(try F.boolean("weighted-checklist(5, 5, ${a}, 2, ${c}, 3, ${b}, 100)", answers))
        #expect(try !F.boolean("weighted-checklist(6, -1, ${a}, 2, ${c}, 3)", answers))
        #expect(try F.evaluationError("weighted-checklist(1, 2, ${a})")
            == .wrongArgumentCount(function: "weighted-checklist", expected: "an even number of arguments (2 or more)", actual: 3))
    }

    // MARK: - Numbers

    @Test func numberFunctions() throws {
        #expect(try F.number("number('  42 ')") == 42)
        #expect(try F.number("number('4 2')").isNaN)
        #expect(try F.number("number(true())") == 1)
        #expect(try F.number("int(3.9)") == 3)
        #expect(try F.number("int(-3.9)") == -3)
        #expect(try F.number("int('')").isNaN)
        #expect(try F.number("floor(-1.5)") == -2)
        #expect(try F.number("ceiling(1.2)") == 2)
        #expect(try F.number("abs(-4)") == 4)
        #expect(try F.number("pow(2, 10)") == 1024)
        #expect(try F.number("sqrt(16)") == 4)
        #expect(try F.number("sqrt(-1)").isNaN)
        #expect(try abs(F.number("log(exp(2))") - 2) < 1e-12)
        #expect(try abs(F.number("log10(1000)") - 3) < 1e-12)
        #expect(try F.number("exp10(3)") == 1000)
        #expect(try F.number("pi()") == Double.pi)
        #expect(try abs(F.number("sin(pi() div 2)") - 1) < 1e-12)
        #expect(try abs(F.number("cos(0)") - 1) < 1e-12)
        #expect(try abs(F.number("tan(atan(0.5))") - 0.5) < 1e-12)
        #expect(try abs(F.number("asin(1) * 2") - Double.pi) < 1e-12)
        #expect(try F.number("acos(1)") == 0)
        #expect(try abs(F.number("atan2(1, 1) * 4") - Double.pi) < 1e-12)
    }

    @Test func roundLikeODKCollect() throws {
        #expect(try F.number("round(2.5)") == 3)
        #expect(try F.number("round(2.4)") == 2)
        #expect(try F.number("round(-2.5)") == -2)
        #expect(try F.number("round(-2.51)") == -3)
        #expect(try F.number("round(-0.4)") == 0)
        #expect(try F.number("round(14.29123456789, 2)") == 14.29)
        #expect(try F.number("round(1.005, 2)") == 1.01)
        #expect(try F.number("round(12345.15, 1)") == 12345.2)
        #expect(try F.number("round(-12345.15, 1)") == -12345.1)
        #expect(try F.number("round(12345.12345, -2)") == 12300)
        #expect(try F.number("round(12350.12345, -2)") == 12400)
        #expect(try F.number("round(9.99, 1)") == 10)
        #expect(try F.number("round(0.05, 1)") == 0.1)
        #expect(try F.number("round(14.29, 1.9)") == 14.3)
        #expect(try F.number("round(0 div 0)").isNaN)
        #expect(try F.number("round(1, 31)").isNaN)
        #expect(try F.string("round(${x})", ["x": ""]) == "NaN")
    }

    @Test func sumMinMax() throws {
        let log = { (context: inout ExpressionContext) in
            context.pathValues = { _ in ["3", "x", "", "-4.5"] }
        }
        #expect(try F.value("sum(/data/r/v)", adjusting: log).numberValue == -1.5)
        #expect(try F.value("max(/data/r/v)", adjusting: log).numberValue == 3)
        #expect(try F.value("min(/data/r/v)", adjusting: log).numberValue == -4.5)
        #expect(try F.number("max(1, 7, '3')") == 7)
        #expect(try F.number("min(-1, -7, '3')") == -7)
        #expect(try F.number("max(${a}, ${b})", ["a": "", "b": "2"]) == 2)
        #expect(try F.number("max('', 'x')").isNaN)
        #expect(try F.evaluationError("sum(3)") == .notANodeSet(operation: "sum()"))
    }

    // MARK: - Node-sets

    @Test func countAndCountNonEmpty() throws {
        let rows = { (context: inout ExpressionContext) in context.pathValues = { _ in ["a", "", "c"] } }
        #expect(try F.value("count(../member)", adjusting: rows).numberValue == 3)
        #expect(try F.value("count-non-empty(../member)", adjusting: rows).numberValue == 2)
        #expect(try F.value("count(../member) > 0", adjusting: rows).booleanValue)
    }

    // MARK: - Selects

    @Test func selectFunctions() throws {
        let answers = ["q": "water other  electricity"]
        #expect(try F.boolean("selected(${q}, 'other')", answers))
        #expect(try F.boolean("selected(${q}, ' other ')", answers))
        #expect(try !F.boolean("selected(${q}, 'oth')", answers))
        #expect(try !F.boolean("selected(${q}, 'other electricity')", answers))
        #expect(try F.number("count-selected(${q})", answers) == 3)
        #expect(try F.number("count-selected(${none})") == 0)
        #expect(try F.value("count-selected(.) <= 3", adjusting: { $0.currentValue = "a b c d" }).booleanValue == false)
        #expect(try F.string("selected-at(${q}, 0)", answers) == "water")
        #expect(try F.string("selected-at(${q}, 2)", answers) == "electricity")
        #expect(try F.string("selected-at(${q}, 3)", answers) == "")
        #expect(try F.string("selected-at(${q}, -1)", answers) == "")
    }

    @Test func choiceNameAsksTheContext() throws {
        let labels = { (context: inout ExpressionContext) in
            context.answer = { $0 == "fruit" ? "mango" : nil }
            context.choiceLabel = { question, choice in question == "fruit" && choice == "mango" ? "Mango 🥭" : nil }
        }
        #expect(try F.value("jr:choice-name(${fruit}, '${fruit}')", adjusting: labels).stringValue == "Mango 🥭")
        #expect(try F.value("jr:choice-name(${fruit}, ' /data/basket/fruit ')", adjusting: labels).stringValue == "Mango 🥭")
        #expect(try F.value("jr:choice-name('apple', '${fruit}')", adjusting: labels).stringValue == "")
    }
}
