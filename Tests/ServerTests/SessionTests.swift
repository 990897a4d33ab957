import CountedTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

@Suite("Sessions, health and operations")
struct SessionTests {
    @Test("signing in needs the form token and the right password; the cookie is HttpOnly and SameSite")
    func signIn() async throws {
        try await Harness.run(.sqlite) { h in
            let page = try await h.request(.get, "/login")
            let setCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("counted_session=") })
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            let cookie = try #require(Harness.sessionCookie(page))
            let csrf = try #require(Harness.csrf(in: page))
            let owner = h.fixture.member(.owner)

            func attempt(_ fields: [(String, String)]) async throws -> TestResponse {
                try await h.client.execute(uri: "/login", method: .post,
                                           headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                           body: .init(string: Harness.encode(fields)))
            }
            #expect(try await attempt([("email", owner.email), ("password", ProjectFixture.password)]).status == .forbidden)
            #expect(try await attempt([("_csrf", csrf), ("email", owner.email), ("password", "wrong password")]).status == .unauthorized)
            let signedIn = try await h.signIn(owner)
            #expect(String(buffer: try await h.request(.get, "/", session: signedIn).body).contains("The owner"))

            let out = try await h.post("/logout", session: signedIn, fields: [])
            #expect(out.status == .seeOther)
            #expect(try await h.request(.get, "/projects/fixture", session: signedIn).status == .unauthorized)
        }
    }

    @Test("sessions live in the database, so another server process on it knows them", arguments: TestEngine.allCases)
    func sessionsAreShared(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let browser = try await h.signIn(h.fixture.member(.owner))
            let id = String(browser.cookie.dropFirst("counted_session=".count))
            let stored = try await h.store.value(key: "session." + (id.removingPercentEncoding ?? id))
            #expect(stored != nil)
        }
    }

    @Test("health answers 200 while the database answers, 503 when it does not", arguments: TestEngine.allCases)
    func health(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let ok = try await h.request(.get, "/health")
            #expect(ok.status == .ok)
            #expect(ok.headers[HTTPField.Name("X-Request-ID")!] != nil)
            await h.store.close()
            let down = try await h.request(.get, "/health")
            #expect(down.status == .serviceUnavailable)
        }
    }

    @Test("public pages set no cookie and start no session; only the sign-in page does")
    func publicPagesAreStateless() async throws {
        try await Harness.run(.sqlite) { h in
            for path in ["/", "/p/fixture", "/health", "/static/counted.css"] {
                let response = try await h.request(.get, path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[values: .setCookie].isEmpty, "\(path) should set no cookie")
            }
            #expect(try await h.request(.get, "/login").headers[values: .setCookie].count == 1)
        }
    }

    @Test("a sane request id from a proxy is kept")
    func requestID() async throws {
        try await Harness.run(.sqlite) { h in
            let response = try await h.client.execute(uri: "/health", method: .get, headers: [HTTPField.Name("X-Request-ID")!: "proxy-123"])
            #expect(response.headers[HTTPField.Name("X-Request-ID")!] == "proxy-123")
        }
    }
}
