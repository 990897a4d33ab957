extension ExpressionEvaluator {
    /// The node-set functions, or nil when `name` is not one of them.
    func nodeSetFunction(_ name: String, _ arguments: [Expression]) throws(ExpressionEvaluationError) -> ExpressionValue? {
        switch name {
        case "count":
            return .number(Double(try nodes(arguments[0], for: "count()").count))
        case "count-non-empty":
            return .number(Double(try nodes(arguments[0], for: "count-non-empty()").filter { !$0.isEmpty }.count))
        case "position":
            // `position()` and ODK's `position(..)` both give the current repeat instance's
            // position; there is no node model to look anything else up in.
            return .number(Double(context.position ?? 1))
        case "current":
            return currentNode
        case "instance":
            return .nodeSet(context.pathValues(pathText(.function(name, arguments: arguments))))
        default:
            return nil
        }
    }
}
