import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Checking function calls at upload")
struct ExpressionFunctionSignatureTests {
    private func problem(_ text: String) throws -> ExpressionEvaluationError? {
        let expression = try Expression.parse(text)
        do {
            try expression.validateFunctionCalls()
            return nil
        } catch {
            return error
        }
    }

    @Test func knownCallsPass() throws {
        #expect(try problem("if(selected(${q}, 'a'), concat(${x}, 'b'), jr:choice-name(${q}, '${q}'))") == nil)
        #expect(try problem("indexed-repeat(${n}, ${r}, 1, ${s}, 2)") == nil)
        #expect(try problem("weighted-checklist(1, 2, ${a}, 1, ${b}, 2)") == nil)
    }

    @Test func unknownFunctionsAndWrongCountsAreFound() throws {
        #expect(try problem("concat(${a}, upper(${b}))") == .unknownFunction("upper"))
        #expect(try problem("if(${a}, 1)")?.message == "if() takes 3 arguments, but 2 were given")
        #expect(try problem("today(1)")?.message == "today() takes no arguments, but 1 was given")
        #expect(try problem("join()")?.message == "join() takes at least 1 argument, but 0 were given")
        #expect(try problem("indexed-repeat(${n}, ${r}, 1, ${s})")?.message
            == "indexed-repeat() takes an odd number of arguments (3 to 11), but 4 were given")
        #expect(try problem("substr('abc')")?.message == "substr() takes 2 or 3 arguments, but 1 was given")
    }

    @Test func deviceOnlyFunctionsAreKnownButNotEvaluated() throws {
        let signature = try #require(ExpressionFunctionSignature.odk["jr:itext"])
        #expect(!signature.isEvaluatedOnServer)
        #expect(ExpressionFunctionSignature.odk["concat"]?.isEvaluatedOnServer == true)
        #expect(ExpressionFunctionSignature.odk["upper"] == nil)
    }
}
