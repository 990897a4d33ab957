import Accounts
import Hummingbird
import HummingbirdAuth
import Storage

/// Finds out who is asking: a script with `Authorization: Bearer <token>`, or a browser with a
/// session cookie. A token that is presented but unknown is refused outright rather than
/// silently treated as anonymous, so a script's author learns that the token is wrong.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = CountedRequestContext
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization],
           !(authorization.lowercased().hasPrefix("basic ") && request.uri.path.hasPrefix("/openrosa/")) {
            // HTTP Basic is understood only by the OpenRosa routes, which check it themselves (ODK Collect's way).
            guard authorization.lowercased().hasPrefix("bearer ") else {
                throw APIError(.unauthorized, "Only 'Authorization: Bearer <API token>' is understood.")
            }
            let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let user = try await store.user(apiTokenDigest: SecretToken.digest(of: token)) else {
                throw APIError(.unauthorized, "The API token is not valid. Create one on your account page or with 'counted user token'.")
            }
            context.identity = user
            context.authenticatedBy = .apiToken
        } else if let userID = context.sessions.session?.userID, let user = try await store.user(id: userID) {
            context.identity = user
            context.authenticatedBy = .session
        }
        return try await next(request, context)
    }
}
