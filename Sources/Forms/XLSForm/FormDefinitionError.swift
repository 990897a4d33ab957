/// Why a questionnaire file was refused. Carries every problem found, so an author can fix
/// the whole file in one pass instead of uploading it again for each mistake.
public struct FormDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// All problems, in file order.
    public var problems: [FormProblem]

    public init(problems: [FormProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
