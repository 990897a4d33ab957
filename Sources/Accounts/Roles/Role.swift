/// A person's role in one project. Roles are per project because the same person may collect
/// data in one community's project and analyse it in another.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case owner, manager, collector, analyst, reviewer, viewer

    /// What this role may do in its project.
    public var permissions: Set<Permission> {
        switch self {
        case .owner: Set(Permission.allCases)
        case .manager: [.viewProject, .submit, .readSubmissions, .manageForms, .manageIndicators, .manageMembers]
        case .collector: [.viewProject, .submit]
        case .analyst: [.viewProject, .readSubmissions, .manageIndicators]
        case .reviewer: [.viewProject, .readSubmissions]
        case .viewer: [.viewProject]
        }
    }

    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// A sentence for people choosing a role on the members page.
    public var summary: String {
        switch self {
        case .owner: "Everything, including who belongs to the project."
        case .manager: "Questionnaires, indicators, members and all submissions."
        case .collector: "Fills in questionnaires; cannot read what others submitted."
        case .analyst: "Reads submissions and defines indicators."
        case .reviewer: "Reads submissions and results to review them."
        case .viewer: "Sees the project's questionnaires and results, never individual submissions."
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
