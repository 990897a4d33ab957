/// What one signed-in person (or nobody) may do in one project: the answer to every
/// authorisation question at the HTTP edge.
public struct Access: Sendable, Equatable {
    public var role: Role?
    public var isAdministrator: Bool
    public var projectIsPublic: Bool

    public init(role: Role?, isAdministrator: Bool, projectIsPublic: Bool) {
        self.role = role
        self.isAdministrator = isAdministrator
        self.projectIsPublic = projectIsPublic
    }

    /// Anonymous visitors see only public projects' public pages.
    public static func anonymous(projectIsPublic: Bool) -> Access {
        Access(role: nil, isAdministrator: false, projectIsPublic: projectIsPublic)
    }

    public func allows(_ permission: Permission) -> Bool {
        if isAdministrator { return true }
        return role?.allows(permission) ?? false
    }

    /// The public results page: anyone for a public project, members otherwise.
    public var canSeeResults: Bool { projectIsPublic || allows(.viewProject) }
}
