/// How many arguments an ODK XForms function takes, and whether the server can compute it.
///
/// One table serves the form reader (refuse unknown functions and wrong argument counts when a
/// form is uploaded, not when the first submission arrives) and the evaluator (check before
/// calling).
public struct ExpressionFunctionSignature: Sendable, Hashable {
    public let name: String
    public let minimumArguments: Int
    /// `nil` when any number of arguments from the minimum up is allowed.
    public let maximumArguments: Int?
    /// 2 when arguments come in pairs (`weighted-checklist`, `indexed-repeat`), else 1.
    public let argumentStep: Int
    /// False for functions that need what only a device has: translations, media, secondary
    /// instances' randomisation, geometry, repeat indexes.
    public let isEvaluatedOnServer: Bool

    init(_ name: String, _ arguments: ClosedRange<Int>, step: Int = 1, server: Bool = true) {
        self.init(name, minimum: arguments.lowerBound, maximum: arguments.upperBound, step: step, server: server)
    }

    init(_ name: String, minimum: Int, maximum: Int?, step: Int = 1, server: Bool = true) {
        self.name = name
        minimumArguments = minimum
        maximumArguments = maximum
        argumentStep = step
        isEvaluatedOnServer = server
    }

    /// Whether a call with `count` arguments is well formed.
    public func accepts(argumentCount count: Int) -> Bool {
        count >= minimumArguments
            && (maximumArguments.map { count <= $0 } ?? true)
            && (count - minimumArguments) % argumentStep == 0
    }

    /// The accepted counts in words: "no arguments", "2 arguments", "1 or 2 arguments",
    /// "at least 1 argument", "an even number of arguments (at least 2)".
    public var expectedArguments: String {
        let noun: (Int) -> String = { $0 == 1 ? "1 argument" : "\($0) arguments" }
        switch (minimumArguments, maximumArguments, argumentStep) {
        case (0, 0?, _): return "no arguments"
        case (let low, let high?, 1) where low == high: return noun(low)
        case (let low, let high?, 1) where high == low + 1: return "\(low) or \(noun(high))"
        case (let low, let high?, 1): return "\(low) to \(noun(high))"
        case (let low, nil, 1): return "at least \(noun(low))"
        case (let low, let high, _):
            let parity = low % 2 == 0 ? "an even" : "an odd"
            return "\(parity) number of arguments (\(low)\(high.map { " to \($0)" } ?? " or more"))"
        }
    }

    /// The functions of the ODK XForms specification (getodk/xforms-spec, "XPath Functions"),
    /// plus XPath 1.0's `floor` and `ceiling`, keyed by name.
    public static let odk: [String: ExpressionFunctionSignature] = {
        let unbounded: Int? = nil
        let all: [ExpressionFunctionSignature] = [
            // Strings
            .init("string", 0...1), .init("concat", minimum: 0, maximum: unbounded),
            .init("join", minimum: 1, maximum: unbounded), .init("substr", 2...3),
            .init("substring-before", 2...2), .init("substring-after", 2...2), .init("translate", 3...3),
            .init("string-length", 0...1), .init("normalize-space", 0...1), .init("contains", 2...2),
            .init("starts-with", 2...2), .init("ends-with", 2...2), .init("uuid", 0...1),
            .init("digest", 2...3, server: false), .init("pulldata", 4...4), .init("base64-decode", 1...1),
            // Booleans
            .init("if", 3...3), .init("coalesce", 2...2), .init("once", 1...1), .init("true", 0...0),
            .init("false", 0...0), .init("boolean", 1...1), .init("boolean-from-string", 1...1),
            .init("not", 1...1), .init("regex", 2...2), .init("checklist", minimum: 2, maximum: unbounded),
            .init("weighted-checklist", minimum: 2, maximum: unbounded, step: 2),
            // Numbers
            .init("number", 0...1), .init("random", 0...0), .init("int", 1...1), .init("sum", 1...1),
            .init("max", minimum: 1, maximum: unbounded), .init("min", minimum: 1, maximum: unbounded),
            .init("round", 1...2), .init("pow", 2...2), .init("log", 1...1), .init("log10", 1...1),
            .init("abs", 1...1), .init("sin", 1...1), .init("cos", 1...1), .init("tan", 1...1),
            .init("asin", 1...1), .init("acos", 1...1), .init("atan", 1...1), .init("atan2", 2...2),
            .init("sqrt", 1...1), .init("exp", 1...1), .init("exp10", 1...1), .init("pi", 0...0),
            .init("floor", 1...1), .init("ceiling", 1...1),
            // Node-sets
            .init("count", 1...1), .init("count-non-empty", 1...1), .init("position", 0...1),
            .init("instance", 1...1), .init("current", 0...0), .init("randomize", 1...2, server: false),
            // Dates and times
            .init("today", 0...0), .init("now", 0...0), .init("format-date", 2...2),
            .init("format-date-time", 2...2), .init("date", 1...1), .init("date-time", 1...1),
            .init("decimal-date-time", 1...1), .init("decimal-time", 1...1),
            // Selects
            .init("selected", 2...2), .init("selected-at", 2...2), .init("count-selected", 1...1),
            .init("jr:choice-name", 2...2),
            // Device-only: translations, repeats by index, geometry
            .init("jr:itext", 1...1, server: false), .init("indexed-repeat", 3...11, step: 2, server: false),
            .init("area", 1...1, server: false), .init("distance", minimum: 1, maximum: unbounded, server: false),
            .init("geofence", 2...2, server: false), .init("version", 0...0, server: false),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()
}
