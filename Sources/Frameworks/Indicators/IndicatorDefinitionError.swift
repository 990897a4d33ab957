/// Why an indicator definition was refused: every problem at once, so the definition can be fixed in one pass.
public struct IndicatorDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [IndicatorProblem]

    public init(problems: [IndicatorProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
