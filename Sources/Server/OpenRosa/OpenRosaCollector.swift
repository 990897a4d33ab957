import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Who is collecting, as an OpenRosa request proves it: a person (HTTP Basic with their e-mail
/// and password, or an API token) or an app user (a token in the URL path, as ODK Central does).
/// Browser sessions are ignored here: these routes take no CSRF token, so a cookie must not be
/// enough to post to them.
struct OpenRosaCollector: Sendable {
    let project: Project
    let user: User?
    let appUser: AppUser?
    /// The app user's token, which its URLs carry; nil for a person.
    let token: String?

    /// The path the OpenRosa URLs of this collector start with (`/openrosa/demo` or
    /// `/openrosa/key/TOKEN/demo`). Only the form list and manifests need it, so it is written
    /// when asked for, not for every submission.
    var basePath: String {
        let project = OpenRosaXML.pathSegment(project.slug)
        return token.map { "/openrosa/key/" + OpenRosaXML.pathSegment($0) + "/" + project } ?? "/openrosa/" + project
    }
}

extension OpenRosaCollector {
    /// An app user, whose URLs carry its token.
    init(project: Project, appUser: AppUser, token: String) {
        self.init(project: project, user: nil, appUser: appUser, token: token)
    }
}

extension Site {
    /// Finds the project and the collector, and checks that they may collect in it.
    func openRosaCollector(_ request: Request, context: CountedRequestContext) async throws -> OpenRosaCollector {
        let limit = configuration.maxBodyBytes
        let slug = try context.parameters.require("project")
        if let token = context.parameters.get("token") {
            let digest = SecretToken.digest(of: token)
            if let (project, appUser) = appUsers.lookup(slug: slug, digest: digest) {
                return OpenRosaCollector(project: project, appUser: appUser, token: token)
            }
            if let (project, appUser) = try await store.project(slug: slug, appUserTokenDigest: digest) {
                appUsers.remember(slug: slug, digest: digest, project: project, appUser: appUser)
                return OpenRosaCollector(project: project, appUser: appUser, token: token)
            }
        }
        guard let project = try await store.project(slug: slug) else {
            throw OpenRosaError(status: .notFound, message: "There is no project '\(slug)' on this server. Check the server URL in ODK Collect's settings.",
                                acceptLength: limit)
        }
        if let token = context.parameters.get("token") {
            guard let appUser = try await store.appUser(tokenDigest: SecretToken.digest(of: token)), appUser.projectID == project.id else {
                throw OpenRosaError(status: .forbidden, message: "The collector token in this server URL is not valid for the project '\(slug)', "
                    + "or it was revoked. Ask the project's manager for a new one.", acceptLength: limit)
            }
            return OpenRosaCollector(project: project, appUser: appUser, token: token)
        }
        let user = try await basicOrTokenUser(request, context: context)
        let role = try await store.role(userID: user.id, projectID: project.id)
        let access = Access(role: role, isAdministrator: user.isAdministrator, projectIsPublic: project.isPublic)
        guard access.allows(.submit) else {
            if !project.isPublic && role == nil && !user.isAdministrator {
                throw OpenRosaError(status: .notFound, message: "There is no project '\(slug)' on this server.", acceptLength: limit)
            }
            let message = role.map { "Your role in the project '\(slug)' (\($0.rawValue)) does not allow collecting data." }
                ?? "You are not a member of the project '\(slug)', so you cannot collect data for it."
            throw OpenRosaError(status: .forbidden, message: message, acceptLength: limit)
        }
        return OpenRosaCollector(project: project, user: user, appUser: nil, token: nil)
    }

    /// The person behind `Authorization: Basic` (e-mail and password) or an API token. Without
    /// either, a 401 with a Basic challenge: ODK Collect sends credentials only after one.
    private func basicOrTokenUser(_ request: Request, context: CountedRequestContext) async throws -> User {
        let limit = configuration.maxBodyBytes
        if context.authenticatedBy == .apiToken, let user = context.identity { return user }
        let refused = OpenRosaError(status: .unauthorized, message: "Sign in with the e-mail address and password of your Counted account.",
                                    acceptLength: limit, challenge: true)
        guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("basic ") else { throw refused }
        guard let decoded = Data(base64Encoded: String(authorization.dropFirst("basic ".count)).trimmingCharacters(in: .whitespaces)),
              let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":") else { throw refused }
        let password = String(pair[pair.index(after: colon)...])
        guard let email = try? EmailAddress(String(pair[..<colon])) else { throw refused }
        let key = VerifiedCredentials.key(email: email.value, password: password)
        if let userID = credentials.userID(for: key), let user = try await store.user(id: userID) { return user }
        guard let stored = try await store.credentials(email: email), hasher.verify(password, against: stored.passwordHash) else {
            throw OpenRosaError(status: .unauthorized, message: "The e-mail address or password is not right.", acceptLength: limit, challenge: true)
        }
        credentials.remember(key, userID: stored.user.id)
        return stored.user
    }

    /// The absolute URL of `path` as the client reached this server (a TLS-terminating proxy
    /// tells the scheme and host with X-Forwarded-Proto and X-Forwarded-Host).
    func absoluteURL(_ path: String, request: Request) -> String {
        let proto = request.headers[.forwardedProto]?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0 == "https" || $0 == "http" ? $0 : nil } ?? "http"
        let host = request.headers[.forwardedHost]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? request.head.authority ?? request.headers[.host] ?? "\(configuration.host):\(configuration.port)"
        return "\(proto)://\(host)\(path)"
    }
}
