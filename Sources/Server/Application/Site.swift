import Accounts
import Forms
import Frameworks
import Hummingbird
import Storage

/// What every route needs: the store, the page templates and the configuration, plus the
/// questions every route asks (who may do what in which project).
struct Site: Sendable {
    let store: Store
    let views: Views
    let configuration: ServerConfiguration
    let stylesheet: String
    /// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
    let openAPIDocument: String
    /// E-mail and password pairs verified recently (OpenRosa Basic authentication).
    let credentials = VerifiedCredentials()
    /// App-user tokens looked up in the last few seconds (OpenRosa).
    let appUsers = RecentAppUsers()
    /// Form versions OpenRosa submissions were recently read against, ready to check the next ones.
    let formVersions = PreparedFormVersions()
    /// Published rounds decoded once per publication, for the public pages and the API.
    let publishedRounds = PublishedRoundCache()
    /// Frameworks decoded once per version, and public pages rendered once per publication.
    let frameworks = FrameworkCache()
    let publicPages = PublicPageCache()
    let recentBarometers = RecentBarometers()

    var hasher: PasswordHasher { PasswordHasher(cost: configuration.passwordCost) }

    /// The layout's values. Only pages with a form for anonymous visitors (sign-in) start a
    /// session; other public pages set no cookie and write nothing, however many people read them.
    func frame(_ title: String, context: CountedRequestContext, notice: String? = nil, startsSession: Bool = false) -> PageFrame {
        let token = startsSession
            ? CSRFProtection.token(for: context, sessionHours: configuration.sessionHours)
            : context.sessions.session?.csrfToken ?? ""
        return PageFrame(title: title, userName: context.identity?.name, isAdministrator: context.identity?.isAdministrator ?? false,
                         csrfToken: token, notice: notice)
    }

    func page(_ template: String, _ title: String, _ values: [String: Any], context: CountedRequestContext,
              status: HTTPResponse.Status = .ok, notice: String? = nil, startsSession: Bool = false) -> Response {
        views.render(template, values, page: frame(title, context: context, notice: notice, startsSession: startsSession), status: status)
    }

    func errorPage(_ status: HTTPResponse.Status, _ message: String, context: CountedRequestContext) -> Response {
        page("error", status.reasonPhrase, ["status": status.code, "message": message, "signIn": status == .unauthorized],
             context: context, status: status)
    }

    // MARK: Projects and permissions

    /// A project as the person asking may see it. A private project is "not found" for anyone
    /// outside it, so that its existence is not revealed either.
    func scope(_ slug: String, context: CountedRequestContext, api: Bool) async throws -> ProjectScope {
        guard let project = try await store.project(slug: slug) else { throw notFound("There is no project '\(slug)'.", api: api) }
        var role: Role?
        if let user = context.identity { role = try await store.role(userID: user.id, projectID: project.id) }
        let access = Access(role: role, isAdministrator: context.identity?.isAdministrator ?? false, projectIsPublic: project.isPublic)
        guard access.canSeeResults else {
            if context.identity == nil && !api {
                throw PageError(.unauthorized, "Sign in to see the project '\(slug)'.")
            }
            throw notFound("There is no project '\(slug)'.", api: api)
        }
        return ProjectScope(project: project, access: access)
    }

    /// Refuses with 401 (nobody signed in) or 403 (signed in, but the role does not allow it).
    func require(_ permission: Permission, in scope: ProjectScope, context: CountedRequestContext, api: Bool) throws {
        guard !scope.access.allows(permission) else { return }
        let what = Self.describe(permission)
        if context.identity == nil {
            let message = api ? "Send an API token (Authorization: Bearer …) to \(what)." : "Sign in to \(what)."
            throw api ? APIError(.unauthorized, message) as any Error : PageError(.unauthorized, message)
        }
        let message = scope.access.role.map { "Your role in this project (\($0.rawValue)) does not allow you to \(what)." }
            ?? "You are not a member of this project, so you cannot \(what)."
        throw api ? APIError(.forbidden, message) as any Error : PageError(.forbidden, message)
    }

    func form(_ formID: String, in scope: ProjectScope, api: Bool) async throws -> StoredForm {
        guard let form = try await store.form(projectID: scope.project.id, formID: formID) else {
            throw notFound("Project '\(scope.project.slug)' has no form '\(formID)'.", api: api)
        }
        return form
    }

    func notFound(_ message: String, api: Bool) -> any Error {
        api ? APIError(.notFound, message) : PageError(.notFound, message)
    }

    static func describe(_ permission: Permission) -> String {
        switch permission {
        case .viewProject: "see this project"
        case .submit: "submit data"
        case .readSubmissions: "read submissions"
        case .manageForms: "upload questionnaires"
        case .manageIndicators: "define indicators"
        case .manageMembers: "manage members"
        }
    }

    // MARK: Results

    /// Every indicator of the project as it may be published (see `ProjectResults`).
    func results(for project: Project) async throws -> [IndicatorResult] {
        try await ProjectResults.published(for: project, in: store)
    }
}

/// A project together with what the person asking may do in it.
struct ProjectScope: Sendable {
    let project: Project
    let access: Access
}
