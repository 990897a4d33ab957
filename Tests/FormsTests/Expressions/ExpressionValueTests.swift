import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("XPath values and conversions")
struct ExpressionValueTests {
    @Test func numbersAsText() {
        #expect(ExpressionValue.number(1).stringValue == "1")
        #expect(ExpressionValue.number(-42).stringValue == "-42")
        #expect(ExpressionValue.number(1.5).stringValue == "1.5")
        #expect(ExpressionValue.number(-0.0).stringValue == "0")
        #expect(ExpressionValue.number(.nan).stringValue == "NaN")
        #expect(ExpressionValue.number(.infinity).stringValue == "Infinity")
        #expect(ExpressionValue.number(-.infinity).stringValue == "-Infinity")
        #expect(ExpressionValue.number(1e-7).stringValue == "0.0000001")
        #expect(ExpressionValue.number(1e20).stringValue == "100000000000000000000")
        #expect(ExpressionValue.number(-2.5e-3).stringValue == "-0.0025")
        #expect(ExpressionValue.number(0.1 + 0.2).stringValue == "0.30000000000000004")
    }

    @Test func textAsNumbers() {
        #expect(ExpressionValue.string("12").numberValue == 12)
        #expect(ExpressionValue.string(" 12.5\n").numberValue == 12.5)
        #expect(ExpressionValue.string("-3").numberValue == -3)
        #expect(ExpressionValue.string(".5").numberValue == 0.5)
        #expect(ExpressionValue.string("5.").numberValue == 5)
        #expect(ExpressionValue.string("").numberValue.isNaN)
        #expect(ExpressionValue.string("abc").numberValue.isNaN)
        #expect(ExpressionValue.string("1e3").numberValue.isNaN)
        #expect(ExpressionValue.string("+5").numberValue.isNaN)
        #expect(ExpressionValue.string("1,5").numberValue.isNaN)
        #expect(ExpressionValue.string("-").numberValue.isNaN)
        #expect(ExpressionValue.boolean(true).numberValue == 1)
        #expect(ExpressionValue.nodeSet([]).numberValue.isNaN)
        #expect(ExpressionValue.nodeSet(["7", "8"]).numberValue == 7)
    }

    @Test func datesAsNumbersAreDaysSince1970() {
        #expect(ExpressionValue.string("1970-01-01").numberValue == 0)
        #expect(ExpressionValue.string("2020-01-31").numberValue == 18292)
        #expect(ExpressionValue.string("1969-12-31").numberValue == -1)
        #expect(ExpressionValue.string("2020-01-31T23:59:00+05:00").numberValue == 18292)
        #expect(ExpressionValue.string("2020-02-30").numberValue.isNaN)
    }

    @Test func booleans() {
        #expect(ExpressionValue.string("").booleanValue == false)
        #expect(ExpressionValue.string("false").booleanValue == true)
        #expect(ExpressionValue.number(0).booleanValue == false)
        #expect(ExpressionValue.number(.nan).booleanValue == false)
        #expect(ExpressionValue.number(-1).booleanValue == true)
        #expect(ExpressionValue.nodeSet([]).booleanValue == false)
        #expect(ExpressionValue.nodeSet([""]).booleanValue == true)
        #expect(ExpressionValue.boolean(false).stringValue == "false")
    }

    @Test func nodeSetsAsText() {
        #expect(ExpressionValue.nodeSet([]).stringValue == "")
        #expect(ExpressionValue.nodeSet(["a", "b"]).stringValue == "a")
        #expect(ExpressionValue.nodeSet(["a", "b"]).texts == ["a", "b"])
    }

    @Test func nodeSetComparisonsAreExistential() {
        let nodes = ExpressionValue.nodeSet(["a", "b"])
        #expect(nodes.compare(.equal, with: .string("b")))
        #expect(nodes.compare(.notEqual, with: .string("b")))
        #expect(!nodes.compare(.equal, with: .string("c")))
        let empty = ExpressionValue.nodeSet([])
        #expect(!empty.compare(.equal, with: .string("")))
        #expect(!empty.compare(.notEqual, with: .string("")))
        #expect(ExpressionValue.nodeSet(["1", "5"]).compare(.greater, with: .number(4)))
        #expect(!ExpressionValue.nodeSet(["1", "5"]).compare(.greater, with: .number(5)))
        #expect(ExpressionValue.nodeSet(["x", "y"]).compare(.equal, with: .nodeSet(["z", "y"])))
        #expect(!ExpressionValue.nodeSet(["x"]).compare(.equal, with: .nodeSet([])))
        #expect(ExpressionValue.number(3).compare(.less, with: .nodeSet(["1", "4"])))
        #expect(empty.compare(.equal, with: .boolean(false)))
        #expect(ExpressionValue.nodeSet(["05"]).compare(.equal, with: .number(5)))
        #expect(!ExpressionValue.nodeSet(["05"]).compare(.equal, with: .string("5")))
    }

    @Test func singleValueComparisons() {
        #expect(ExpressionValue.string("5").compare(.equal, with: .number(5)))
        #expect(ExpressionValue.string("5.0").compare(.equal, with: .number(5)))
        #expect(!ExpressionValue.string("5.0").compare(.equal, with: .string("5")))
        #expect(ExpressionValue.boolean(true).compare(.equal, with: .string("false")))
        #expect(!ExpressionValue.number(.nan).compare(.equal, with: .number(.nan)))
        #expect(ExpressionValue.number(.nan).compare(.notEqual, with: .number(.nan)))
        #expect(!ExpressionValue.string("abc").compare(.less, with: .string("abd")))
        #expect(ExpressionValue.string("2020-01-31").compare(.less, with: .string("2020-02-01")))
        #expect(ExpressionValue.boolean(true).compare(.greater, with: .boolean(false)))
    }
}
