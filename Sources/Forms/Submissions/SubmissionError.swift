/// Why a submission was refused: every problem at once, so a respondent fixes everything in one go.
public struct SubmissionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [SubmissionProblem]

    public init(problems: [SubmissionProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
