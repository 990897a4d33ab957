import Accounts
import Hummingbird

/// The two ways into a project's pages: the workspace, for its members, and the public pages,
/// for anyone when the project is public (for members only otherwise). Pages reachable both ways
/// (the framework explorer) keep the visitor on the side they came in by, with the access rules
/// of that side's front page (/projects/:project or /p/:project).
enum ProjectEntrance: Sendable, CaseIterable {
    case workspace, publicPages

    /// The first path component: "/projects" or "/p".
    var prefix: String {
        switch self {
        case .workspace: "/projects"
        case .publicPages: "/p"
        }
    }

    /// The project's front page on this side.
    func path(of project: Project) -> String {
        "\(prefix)/\(project.slug)"
    }
}

extension Site {
    /// The project as seen through `entrance`: refused as the workspace or the public results page
    /// refuse it.
    func scope(_ slug: String, through entrance: ProjectEntrance, context: CountedRequestContext) async throws -> ProjectScope {
        let scope = try await scope(slug, context: context, api: false)
        if entrance == .workspace { try require(.viewProject, in: scope, context: context, api: false) }
        return scope
    }
}
