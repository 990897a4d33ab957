/// Why a round cannot be published or exported, in words the owner can act on.
public enum PublishingError: Error, Sendable, Equatable, CustomStringConvertible {
    case noFramework(project: String)
    case noSuchRound(project: String, round: Int)
    case notPublished(project: String, round: Int)
    case unreadableResults(project: String, round: Int, reason: String)

    public var description: String {
        switch self {
        case .noFramework(let project):
            "The project '\(project)' has no framework, so there is nothing to publish. Import one with `counted framework import` or create the project from a kit."
        case .noSuchRound(let project, let round):
            "The project '\(project)' has no round \(round). `counted round list --project \(project)` lists its rounds."
        case .notPublished(let project, let round):
            "Round \(round) of '\(project)' is not published. Publish it first: `counted round publish --project \(project) --round \(round)`."
        case .unreadableResults(let project, let round, let reason):
            "The published results of round \(round) of '\(project)' could not be read (\(reason)); publish the round again."
        }
    }
}
