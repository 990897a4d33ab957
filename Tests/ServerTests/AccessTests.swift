import Accounts
import CountedTestSupport
import Foundation
import HTTPTypes
import Testing

/// Who may do what: the role matrix enforced at the HTTP edge, through the API and the pages.
@Suite("Access control")
struct AccessTests {
    @Test("a collector submits but cannot read submissions", arguments: TestEngine.allCases)
    func collector(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.collector))
            let created = try await h.submit(Harness.validSubmission, token: token)
            #expect(created.status == .created)
            let read = try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions", token: token)
            #expect(read.status == .forbidden)
            #expect(String(buffer: read.body).contains("collector"))
            #expect(!String(buffer: read.body).contains("female"))

            let browser = try await h.signIn(h.fixture.member(.collector))
            let page = try await h.request(.get, "/projects/fixture/forms/fixture/submissions", session: browser)
            #expect(page.status == .forbidden)
            #expect(!String(buffer: page.body).contains("female"))
            #expect(try await h.request(.get, "/projects/fixture/forms/fixture/fill", session: browser).status == .ok)
        }
    }

    @Test("a viewer sees the project but cannot submit or read submissions", arguments: TestEngine.allCases)
    func viewer(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.viewer))
            let refused = try await h.submit(Harness.validSubmission, token: token)
            #expect(refused.status == .forbidden)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions", token: token).status == .forbidden)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/forms", token: token).status == .ok)

            let browser = try await h.signIn(h.fixture.member(.viewer))
            #expect(try await h.request(.get, "/projects/fixture", session: browser).status == .ok)
            #expect(try await h.request(.get, "/projects/fixture/forms/fixture/fill", session: browser).status == .forbidden)
            let posted = try await h.post("/projects/fixture/forms/fixture/fill", session: browser,
                                          fields: [("sex", "male"), ("age", "30"), ("disability", "no")])
            #expect(posted.status == .forbidden)
            #expect(try await h.submissionCount() == 0)
        }
    }

    @Test("analysts, reviewers, managers and owners read submissions", arguments: TestEngine.allCases)
    func readers(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let collector = try await h.token(for: h.fixture.member(.collector))
            _ = try await h.submit(Harness.validSubmission, token: collector)
            for role in [Role.analyst, .reviewer, .manager, .owner] {
                let token = try await h.token(for: h.fixture.member(role))
                let read = try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions", token: token)
                #expect(read.status == .ok, "\(role)")
                let submissions = try #require(try Harness.json(read)["submissions"] as? [[String: Any]])
                #expect((submissions.first?["answers"] as? [String: Any])?["age"] as? Int == 41)
            }
        }
    }

    @Test("an anonymous visitor sees only public pages", arguments: TestEngine.allCases)
    func anonymous(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let home = try await h.request(.get, "/")
            #expect(home.status == .ok)
            #expect(String(buffer: home.body).contains("/p/fixture"))
            #expect(try await h.request(.get, "/p/fixture").status == .ok)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/indicators").status == .ok)

            #expect(try await h.request(.get, "/projects/fixture").status == .unauthorized)
            #expect(try await h.request(.get, "/projects/fixture/forms/fixture/fill").status == .unauthorized)
            #expect(try await h.request(.get, "/projects/fixture/forms/fixture/submissions").status == .unauthorized)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions").status == .unauthorized)
            let post = try await h.submit(Harness.validSubmission, token: nil)
            #expect(post.status == .unauthorized)
            #expect(try await h.request(.get, "/projects/new").status == .unauthorized)

            let outsider = try await h.token(for: h.fixture.outsider)
            let refused = try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions", token: outsider)
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("not a member of this project, so you cannot read submissions"))
            #expect(try await h.submissionCount() == 0)
        }
    }

    @Test("a private project does not exist for outsiders", arguments: TestEngine.allCases)
    func privateProject(engine: TestEngine) async throws {
        try await Harness.run(engine, isPublic: false) { h in
            #expect(!String(buffer: try await h.request(.get, "/").body).contains("/p/fixture"))
            #expect(try await h.request(.get, "/p/fixture").status == .unauthorized)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/indicators").status == .notFound)
            let outsider = try await h.token(for: h.fixture.outsider)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/indicators", token: outsider).status == .notFound)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/forms", token: outsider).status == .notFound)
            let viewer = try await h.token(for: h.fixture.member(.viewer))
            #expect(try await h.request(.get, "/api/v1/projects/fixture/indicators", token: viewer).status == .ok)
            let admin = try await h.token(for: h.fixture.administrator)
            #expect(try await h.request(.get, "/api/v1/projects/fixture/forms/fixture/submissions", token: admin).status == .ok)
        }
    }

    @Test("an unknown or malformed API token is refused, not treated as anonymous")
    func badToken() async throws {
        try await Harness.run(.sqlite) { h in
            let response = try await h.request(.get, "/api/v1/projects/fixture/indicators", token: "ctd_not-a-token")
            #expect(response.status == .unauthorized)
            #expect(String(buffer: response.body).contains("API token"))
        }
    }
}
