import Accounts
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// The cross-site request forgery token of a browser session: created with the session, put in
/// every form as `_csrf`, and compared on every post.
enum CSRFProtection {
    static let fieldName = "_csrf"
    static let headerName = HTTPField.Name.csrfToken

    /// The session's token, starting an anonymous session when there is none yet (the sign-in page).
    static func token(for context: CountedRequestContext, sessionHours: Int) -> String {
        if let token = context.sessions.session?.csrfToken { return token }
        let token = SecretToken.generate().value
        context.sessions.createSession(BrowserSession(userID: nil, csrfToken: token), expiresIn: .seconds(sessionHours * 3600))
        return token
    }

    /// Refuses a post whose token does not match the session's.
    static func verify(_ presented: String?, context: CountedRequestContext) throws {
        guard let expected = context.sessions.session?.csrfToken, let presented,
              SecretToken.constantTimeEquals(expected, presented) else {
            throw PageError(.forbidden, "This form has expired or did not come from Counted. Go back, reload the page and try again.")
        }
    }

    /// API calls made with a session cookie (from Counted's own pages) must carry the token in a
    /// header; calls with an API token need none, since browsers never send those on their own.
    static func verifyAPI(_ request: Request, context: CountedRequestContext) throws {
        guard context.authenticatedBy == .session else { return }
        guard let expected = context.sessions.session?.csrfToken, let presented = request.headers[headerName],
              SecretToken.constantTimeEquals(expected, presented) else {
            throw APIError(.forbidden, "Requests made with a browser session must send the X-CSRF-Token header. Scripts should use an API token.")
        }
    }
}
