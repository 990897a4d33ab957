import Accounts
import Foundation
import Hummingbird
import Storage

/// App users: collector tokens for ODK Collect, made by a project's owners and managers. The
/// token is answered once, inside the server URL to enter in Collect; Counted keeps its digest.
extension Site {
    func addAppUserRoutes(to router: Router<CountedRequestContext>) {
        let path = "api/v1/projects/:project/app-users"

        router.post(RouterPath(path)) { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.manageMembers, in: scope, context: context, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024)
            struct Input: Decodable { var name: String }
            let input: Input
            do {
                input = try JSONDecoder().decode(Input.self, from: Data(buffer: body))
            } catch {
                throw APIError(.badRequest, "The body must be a JSON object {\"name\": \"…\"} naming the collector or phone. \(Self.decodingProblem(error))")
            }
            let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200 else {
                throw APIError(.unprocessableContent, "Give the app user a name of 1 to 200 characters.",
                               problems: [APIProblem(field: "name", message: "A name of 1 to 200 characters is required.")])
            }
            let token = SecretToken.generate(prefix: "cta_")
            let appUser = try await store.createAppUser(projectID: scope.project.id, name: name, digest: token.digest,
                                                        createdBy: context.identity?.id)
            let serverURL = absoluteURL("/openrosa/key/\(token.value)/\(OpenRosaXML.pathSegment(scope.project.slug))", request: request)
            return Self.json(AppUserBody(appUser, token: token.value, serverURL: serverURL), status: .created)
        }

        router.get(RouterPath(path)) { _, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.manageMembers, in: scope, context: context, api: true)
            return Self.json(try await store.appUsers(projectID: scope.project.id).map { AppUserBody($0) }, status: .ok)
        }

        router.delete(RouterPath(path + "/:id")) { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.manageMembers, in: scope, context: context, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            let id = try context.parameters.require("id")
            guard try await store.revokeAppUser(projectID: scope.project.id, id: id, revokedBy: context.identity?.id) else {
                throw APIError(.notFound, "The project has no app user '\(id)' (or it was already revoked).")
            }
            appUsers.forget(appUserID: id)
            return Response(status: .noContent)
        }
    }
}

/// An app user as the API shows it; `token` and `server_url` only in the answer that created it.
struct AppUserBody: Encodable {
    var appUser: AppUser
    var token: String?
    var serverURL: String?

    init(_ appUser: AppUser, token: String? = nil, serverURL: String? = nil) {
        self.appUser = appUser
        self.token = token
        self.serverURL = serverURL
    }

    enum CodingKeys: String, CodingKey { case id, name, createdAt = "created_at", revokedAt = "revoked_at", token, serverURL = "server_url" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(appUser.id, forKey: .id)
        try container.encode(appUser.name, forKey: .name)
        try container.encode(appUser.createdAt, forKey: .createdAt)
        try container.encode(appUser.revokedAt, forKey: .revokedAt)
        try container.encodeIfPresent(token, forKey: .token)
        try container.encodeIfPresent(serverURL, forKey: .serverURL)
    }
}
