import Foundation

/// Why an expression could not be evaluated (or, from ``Expression/validateFunctionCalls()``,
/// would not be). The caller adds which question and which submission.
public enum ExpressionEvaluationError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// A function ODK does not define.
    case unknownFunction(String)
    /// A known function called with the wrong number of arguments. `expected` is a phrase such
    /// as "3 arguments" or "1 or 2 arguments".
    case wrongArgumentCount(function: String, expected: String, actual: Int)
    /// A function or operator that needs a list of nodes got a single value.
    case notANodeSet(operation: String)
    /// A value that should be a date or dateTime is not one.
    case notADate(function: String, value: String)
    /// `regex()` got a pattern that is not a valid regular expression.
    case invalidRegularExpression(pattern: String)
    /// A function ODK defines but that the server cannot compute, and why.
    case notEvaluable(function: String, reason: String)

    /// A plain sentence for the person who wrote the form.
    public var message: String {
        switch self {
        case .unknownFunction(let name):
            "unknown function '\(name)()'"
        case .wrongArgumentCount(let function, let expected, let actual):
            "\(function)() takes \(expected), but \(actual) \(actual == 1 ? "was" : "were") given"
        case .notANodeSet(let operation):
            "\(operation) needs a list of nodes (a path or a question reference), not a single value"
        case .notADate(let function, let value):
            "\(function)() can't read '\(value)' as a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"
        case .invalidRegularExpression(let pattern):
            "regex() got '\(pattern)', which is not a valid regular expression"
        case .notEvaluable(let function, let reason):
            "\(function)() can't be computed on the server: \(reason)"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
