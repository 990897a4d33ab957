/// The extension point for the rules that need the expression language: constraints, and
/// `required` or `relevant` written as expressions. ``ExpressionInstanceRules`` implements it
/// with the evaluator in `Forms/Expressions`; without rules the flattener checks only what needs
/// no evaluation (types, choices, `required` = yes).
///
/// Each method answers nil when it cannot decide (an unsupported function, a reference it cannot
/// resolve); the flattener then records nothing rather than guessing.
public protocol InstanceRules: Sendable {
    /// Whether `expression` holds for the node at `path` (an index chain such as
    /// `/data/people[2]/age`) of `instance`, with `.` meaning that node.
    func holds(_ expression: String, at path: String, of element: FormElement, in instance: SubmittedInstance) -> Bool?
}
