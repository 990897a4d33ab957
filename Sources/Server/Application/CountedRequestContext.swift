import Accounts
import Hummingbird
import HummingbirdAuth

/// What each request carries through the middleware: the signed-in user (if any), how they
/// proved who they are, the browser session, and the request id that ties log lines together.
public struct CountedRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: User?
    public let sessions: SessionContext<BrowserSession>
    public var requestID: String
    public var authenticatedBy: AuthenticationMethod?

    public enum AuthenticationMethod: Sendable { case session, apiToken }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.sessions = .init()
        self.requestID = ""
        self.authenticatedBy = nil
    }

    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
