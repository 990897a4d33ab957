extension ExpressionEvaluator {
    /// The functions on select answers (choice names separated by spaces), or nil when `name`
    /// is not one of them.
    func selectFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        switch name {
        case "selected":
            let chosen = ExpressionEvaluator.choices(try string(arguments[0]))
            let wanted = try string(arguments[1]).trimmingXPathWhitespace()
            return .boolean(chosen.contains(wanted))
        case "selected-at":
            let chosen = ExpressionEvaluator.choices(try string(arguments[0]))
            let index = try number(arguments[1])
            guard index.isFinite, index >= 0, index < Double(chosen.count) else { return .string("") }
            return .string(chosen[Int(index)])
        case "count-selected":
            return .number(Double(ExpressionEvaluator.choices(try string(arguments[0])).count))
        case "jr:choice-name":
            let choice = try string(arguments[0])
            let question = ExpressionEvaluator.questionName(try string(arguments[1]))
            return .string(context.choiceLabel(question, choice) ?? "")
        default:
            return nil
        }
    }

    /// The choice names in a select answer.
    private static func choices(_ answer: String) -> [String] {
        xpathWords(answer).map(String.init)
    }

    /// The question a `jr:choice-name` second argument names: `${q}` (the XLSForm idiom), or
    /// the last step of a path such as `/data/group/q`.
    static func questionName(_ text: String) -> String {
        let trimmed = text.trimmingXPathWhitespace()
        if trimmed.hasPrefix("${"), trimmed.hasSuffix("}") {
            return String(trimmed.dropFirst(2).dropLast())
        }
        return trimmed.split(separator: "/").last.map { String($0).trimmingXPathWhitespace() } ?? trimmed
    }
}
