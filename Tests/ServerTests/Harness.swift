import Accounts
import CountedTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Server
import Storage
import Testing

/// An in-process Counted on a fresh database with the fixture project, and the means to act as
/// each kind of person: with an API token, or with a browser session (cookie and form token).
struct Harness {
    let client: any TestClientProtocol
    let store: Store
    let fixture: ProjectFixture

    /// Public barometers are read afresh on every request, so a test sees a publication at once.
    static let configuration = ServerConfiguration(passwordCost: 4, publicFreshness: .zero)

    static func run(_ engine: TestEngine, isPublic: Bool = true, _ body: @escaping @Sendable (Harness) async throws -> Void) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store, isPublic: isPublic)
            let app = try await buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                try await body(Harness(client: client, store: store, fixture: fixture))
            }
        }
    }

    /// A fresh API token for a user.
    func token(for user: User) async throws -> String {
        let token = SecretToken.generate(prefix: "ctd_")
        try await store.addAPIToken(userID: user.id, name: "test", digest: token.digest)
        return token.value
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, session: BrowserLogin? = nil,
                 contentType: String? = nil, body: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let session { headers[.cookie] = session.cookie }
        if let contentType { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Posts a JSON submission to the fixture's form (or another form of the project).
    func submit(_ body: String, token: String?, project: String = "fixture", form: String = "fixture") async throws -> TestResponse {
        try await request(.post, "/api/v1/projects/\(project)/forms/\(form)/submissions", token: token, contentType: "application/json", body: body)
    }

    /// Posts a web form with the session's CSRF token (unless told otherwise).
    func post(_ uri: String, session: BrowserLogin, fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        let all = [("_csrf", csrf ?? session.csrf)] + fields
        return try await request(.post, uri, session: session, contentType: "application/x-www-form-urlencoded", body: Self.encode(all))
    }

    /// Opens the sign-in page, then signs in, as a browser does.
    func signIn(_ user: User, password: String = ProjectFixture.password) async throws -> BrowserLogin {
        let page = try await request(.get, "/login")
        let anonymous = try #require(Self.sessionCookie(page))
        let csrf = try #require(Self.csrf(in: page))
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.cookie: anonymous, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: Self.encode([("_csrf", csrf), ("email", user.email), ("password", password), ("next", "/")])))
        #expect(response.status == .seeOther || response.status == .found)
        let cookie = try #require(Self.sessionCookie(response))
        #expect(cookie != anonymous, "signing in must start a new session")
        let home = try await request(.get, "/", session: BrowserLogin(cookie: cookie, csrf: ""))
        return BrowserLogin(cookie: cookie, csrf: try #require(Self.csrf(in: home)))
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("counted_session=") }
            .map { String($0.prefix { $0 != ";" }) }
    }

    static func csrf(in response: TestResponse) -> String? {
        let html = String(buffer: response.body)
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    func submissionCount() async throws -> Int {
        try await store.submissionCount(formPK: fixture.form.id)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
        return try #require(object as? [String: Any])
    }

    /// The `problems` of a JSON error answer.
    static func problems(_ response: TestResponse) throws -> [[String: Any]] {
        let error = try #require(try json(response)["error"] as? [String: Any])
        return error["problems"] as? [[String: Any]] ?? []
    }

    static let validSubmission = #"{"answers": {"sex": "female", "age": 41, "disability": "yes", "employed": "no"}}"#
}

/// A signed-in browser: its session cookie and the form token of its session.
struct BrowserLogin: Sendable {
    var cookie: String
    var csrf: String
}
