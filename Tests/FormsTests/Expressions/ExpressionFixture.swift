import Foundation
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

/// Evaluates expression text in a fixed context: 2024-05-01T10:30:00Z, UTC, fixed UUIDs.
enum ExpressionFixture {
    static let now = Date(timeIntervalSince1970: 1_714_559_400)

    static func context(_ answers: [String: String] = [:]) -> ExpressionContext {
        ExpressionContext(
            now: now,
            answer: { answers[$0] },
            makeUUID: { "0f8fad5b-d9cb-469f-a165-70867728950e" }
        )
    }

    static func value(
        _ text: String,
        _ answers: [String: String] = [:],
        adjusting adjust: (inout ExpressionContext) -> Void = { _ in }
    ) throws -> ExpressionValue {
        var context = context(answers)
        adjust(&context)
        return try ExpressionEvaluator(context: context).evaluate(try Expression.parse(text))
    }

    static func string(_ text: String, _ answers: [String: String] = [:]) throws -> String {
        try value(text, answers).stringValue
    }

    static func number(_ text: String, _ answers: [String: String] = [:]) throws -> Double {
        try value(text, answers).numberValue
    }

    static func boolean(_ text: String, _ answers: [String: String] = [:]) throws -> Bool {
        try value(text, answers).booleanValue
    }

    /// The evaluation error `text` gives, or nil if it evaluated.
    static func evaluationError(_ text: String) throws -> ExpressionEvaluationError? {
        let expression = try Expression.parse(text)
        do {
            _ = try ExpressionEvaluator(context: context()).evaluate(expression)
            return nil
        } catch {
            return error
        }
    }
}
