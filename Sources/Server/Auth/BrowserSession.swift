/// What a browser session holds: who signed in (nobody yet on the sign-in page) and the token
/// every form post must send back, so that another site cannot post forms on a user's behalf.
public struct BrowserSession: Codable, Sendable, Equatable {
    public var userID: String?
    public var csrfToken: String
}
