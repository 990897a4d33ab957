import Foundation
import Forms

/// An indicator's expressions parsed once, evaluated row by row into the numbers the survey
/// estimators read: NaN where a row has no value.
struct CompiledMeasure {
    /// An expression and the questions it names.
    struct Part {
        let expression: Forms.Expression
        let references: [String]

        init(_ source: String) throws(ExpressionSyntaxError) {
            expression = try Forms.Expression.parse(source)
            references = expression.references
        }

        /// The value for one row; nil when the row has none: every question the expression names is
        /// unanswered (a skipped question is not a zero), or it cannot be evaluated.
        func value(in row: [String: String], at now: Date) -> ExpressionValue? {
            if !references.isEmpty, references.allSatisfy({ (row[$0] ?? "").isEmpty }) { return nil }
            let context = ExpressionContext(answers: row, now: now)
            return try? ExpressionEvaluator(context: context).evaluate(expression)
        }

        func number(in row: [String: String], at now: Date) -> Double {
            guard let value = value(in: row, at: now) else { return .nan }
            let number = value.numberValue
            return number.isFinite ? number : .nan
        }

        func truth(in row: [String: String], at now: Date) -> Double {
            guard let value = value(in: row, at: now) else { return .nan }
            return value.booleanValue ? 1 : 0
        }

        /// Whether a row belongs to a universe: unanswered questions read as empty, so a universe
        /// on a skipped question leaves the row out.
        func holds(in row: [String: String], at now: Date) -> Bool {
            let context = ExpressionContext(answers: row, now: now)
            return (try? ExpressionEvaluator(context: context).evaluate(expression).booleanValue) ?? false
        }
    }

    let value: Part
    let denominator: Part?
    let universe: Part?
    /// True for a proportion: `value` is a condition.
    let isCondition: Bool

    init(_ measure: Computation.Measure) throws(ExpressionSyntaxError) {
        switch measure {
        case .proportion(let numerator, let universe):
            value = try Part(numerator)
            denominator = nil
            self.universe = try universe.map { (source) throws(ExpressionSyntaxError) in try Part(source) }
            isCondition = true
        case .mean(let source, let universe), .median(let source, let universe), .total(let source, let universe):
            value = try Part(source)
            denominator = nil
            self.universe = try universe.map { (source) throws(ExpressionSyntaxError) in try Part(source) }
            isCondition = false
        case .ratio(let numerator, let denominatorSource, let universe):
            value = try Part(numerator)
            denominator = try Part(denominatorSource)
            self.universe = try universe.map { (source) throws(ExpressionSyntaxError) in try Part(source) }
            isCondition = false
        case .assessment:
            throw ExpressionSyntaxError(position: 1, message: "An assessment has no expression.")
        }
    }

    /// The value column (and, for a ratio, the denominator column) over `rows`.
    func columns(_ rows: [[String: String]], at now: Date) -> (values: [Double], denominator: [Double]?) {
        var values = [Double](repeating: .nan, count: rows.count)
        var denominators = denominator.map { _ in [Double](repeating: .nan, count: rows.count) }
        for (index, row) in rows.enumerated() {
            if let universe, !universe.holds(in: row, at: now) { continue }
            values[index] = isCondition ? value.truth(in: row, at: now) : value.number(in: row, at: now)
            if let denominator { denominators?[index] = denominator.number(in: row, at: now) }
        }
        return (values, denominators)
    }
}
