import Accounts
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOPosix
import Storage

/// Signing in and out, and API tokens for scripts.
extension Site {
    func addAccountRoutes(to router: Router<CountedRequestContext>) {
        router.get("/login") { request, context -> Response in
            page("login", "Sign in", ["next": Self.safeNext(request.uri.queryParameters["next"].map(String.init))], context: context,
                 startsSession: true)
        }

        router.post("/login") { request, context -> Response in
            let fields = try await readForm(request, context: context)
            let next = Self.safeNext(fields["next"])
            let emailText = fields["email"] ?? ""
            let password = fields["password"] ?? ""
            let hasher = self.hasher
            var user: User?
            if let email = try? EmailAddress(emailText), let credentials = try await store.credentials(email: email) {
                // bcrypt is slow on purpose: keep it off the threads that serve other requests.
                let valid = try await NIOThreadPool.singleton.runIfActive { hasher.verify(password, against: credentials.passwordHash) }
                if valid { user = credentials.user }
            }
            guard let user else {
                context.logger.notice("sign-in refused", metadata: ["email": "\(emailText)"])
                return page("login", "Sign in", ["next": next, "email": emailText,
                                                 "error": "The e-mail address or the password is not right."],
                            context: context, status: .unauthorized, startsSession: true)
            }
            // A new session (new id, new CSRF token) on sign-in, so a session fixed before cannot be reused.
            context.sessions.createSession(BrowserSession(userID: user.id, csrfToken: SecretToken.generate().value),
                                           expiresIn: .seconds(configuration.sessionHours * 3600))
            return Response.redirect(to: next, type: .normal)
        }

        router.post("/logout") { request, context -> Response in
            _ = try await readForm(request, context: context)
            context.sessions.clearSession()
            return Response.redirect(to: "/", type: .normal)
        }

        router.get("/account") { _, context -> Response in
            guard let user = context.identity else { throw PageError(.unauthorized, "Sign in to see your account.") }
            return page("account", "Your account", ["email": user.email, "name": user.name], context: context)
        }

        router.post("/account/tokens") { request, context -> Response in
            guard let user = context.identity else { throw PageError(.unauthorized, "Sign in to create an API token.") }
            let fields = try await readForm(request, context: context)
            let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let token = SecretToken.generate(prefix: "ctd_")
            try await store.addAPIToken(userID: user.id, name: name.isEmpty ? "API token" : name, digest: token.digest)
            try await store.recordAudit(actorID: user.id, projectID: nil, action: "token.created", subject: name)
            return page("account", "Your account", ["email": user.email, "name": user.name, "newToken": token.value], context: context)
        }
    }

    /// Only local paths may follow a sign-in, so the sign-in page cannot send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
