import Foundation

extension ExpressionEvaluator {
    /// The number functions, or nil when `name` is not one of them.
    func numberFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        if let unary = ExpressionEvaluator.unaryMath[name] {
            return .number(unary(try number(arguments[0])))
        }
        switch name {
        case "number":
            return .number(arguments.isEmpty ? currentNode.numberValue : try number(arguments[0]))
        case "int":
            return .number(try number(arguments[0]).rounded(.towardZero))
        case "round":
            let places = arguments.count > 1 ? try number(arguments[1]) : 0
            return .number(ExpressionEvaluator.round(try number(arguments[0]), places: places))
        case "pow":
            let base = try number(arguments[0])
            return .number(Foundation.pow(base, try number(arguments[1])))
        case "atan2":
            let y = try number(arguments[0])
            return .number(Foundation.atan2(y, try number(arguments[1])))
        case "pi":
            return .number(Double.pi)
        case "sum":
            // Like ODK Collect, empty and non-numeric answers are skipped rather than making
            // the whole sum NaN.
            let values = try nodes(arguments[0], for: "sum()").map(ExpressionValue.number(fromText:))
            return .number(values.filter { !$0.isNaN }.reduce(0, +))
        case "max", "min":
            // Every node of node-set arguments counts; empty and non-numeric values are skipped
            // (as in ODK Collect), and NaN comes back only when nothing is left.
            var values: [Double] = []
            for argument in arguments {
                let value = try evaluate(argument)
                if case .nodeSet(let nodes) = value {
                    values += nodes.map(ExpressionValue.number(fromText:))
                } else {
                    values.append(value.numberValue)
                }
            }
            let numbers = values.filter { !$0.isNaN }
            return .number((name == "max" ? numbers.max() : numbers.min()) ?? .nan)
        case "random":
            guard let randomNumber = context.randomNumber else {
                throw .notEvaluable(function: name, reason: "no source of random numbers was given")
            }
            return .number(randomNumber())
        default:
            return nil
        }
    }

    private static let unaryMath: [String: @Sendable (Double) -> Double] = [
        "abs": { Swift.abs($0) },
        "floor": { $0.rounded(.down) },
        "ceiling": { $0.rounded(.up) },
        "sqrt": { $0.squareRoot() },
        "log": { Foundation.log($0) },
        "log10": { Foundation.log10($0) },
        "exp": { Foundation.exp($0) },
        "exp10": { Foundation.pow(10, $0) },
        "sin": { Foundation.sin($0) },
        "cos": { Foundation.cos($0) },
        "tan": { Foundation.tan($0) },
        "asin": { Foundation.asin($0) },
        "acos": { Foundation.acos($0) },
        "atan": { Foundation.atan($0) },
    ]

    /// ODK `round(number, places)`, as ODK Collect computes it: on the decimal digits of the
    /// number as written (so `round(1.005, 2)` is 1.01, not 1.0 as binary floating point
    /// would give), halves going up towards positive infinity (2.5 → 3, -2.5 → -2, as in
    /// XPath 1.0). Negative `places` round to tens, hundreds and so on.
    static func round(_ number: Double, places placesNumber: Double) -> Double {
        guard number.isFinite else { return number }
        let places = placesNumber.isNaN ? 0 : Int(max(min(placesNumber.rounded(.towardZero), 1000), -1000))
        guard (-30...30).contains(places) else { return .nan }
        let negative = number.sign == .minus
        let written = ExpressionValue.plainDecimal(Swift.abs(number).description)
        let parts = written.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let wholeDigits = Array(parts[0])
        let digits = wholeDigits + (parts.count > 1 ? Array(parts[1]) : [])
        let kept = wholeDigits.count + places
        guard kept < digits.count else { return number }
        guard kept >= 0 else { return negative ? -0.0 : 0 }
        let next = digits[kept]
        let restIsZero = digits[(kept + 1)...].allSatisfy { $0 == "0" }
        // Half up for positive numbers, half down (towards zero) for negative ones.
        let roundUp = negative ? (next > "5" || (next == "5" && !restIsZero)) : next >= "5"
        var scaled = String(digits[..<kept])
        if roundUp { scaled = incremented(scaled) }
        let text: String
        if places > 0 {
            let padded = String(repeating: "0", count: max(0, places + 1 - scaled.count)) + scaled
            text = padded.dropLast(places) + "." + padded.suffix(places)
        } else {
            text = (scaled.isEmpty ? "0" : scaled) + String(repeating: "0", count: -places)
        }
        let magnitude = Double(text) ?? .nan
        return negative ? -magnitude : magnitude
    }

    /// The decimal digit string plus one ("" + 1 = "1", "199" + 1 = "200").
    private static func incremented(_ digits: String) -> String {
        var result = Array(digits)
        var index = result.count - 1
        while index >= 0 {
            if result[index] == "9" {
                result[index] = "0"
                index -= 1
            } else {
                result[index] = Character(String((result[index].wholeNumberValue ?? 0) + 1))
                return String(result)
            }
        }
        return "1" + String(result)
    }
}
