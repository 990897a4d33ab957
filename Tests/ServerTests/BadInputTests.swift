import CountedTestSupport
import Foundation
import HTTPTypes
import Testing

/// Every kind of bad input gets a 4xx naming the row or field, and changes nothing stored.
@Suite("Bad input")
struct BadInputTests {
    static let unknownType = """
    survey,,,
    ,type,name,label
    ,text,name,Your name
    ,selfie,photo,Your photo
    """

    static let missingChoices = """
    survey,,,
    ,type,name,label
    ,select_one colours,colour,Favourite colour
    choices,,,
    ,list_name,name,label
    ,sizes,small,Small
    """

    @Test("an XLSForm CSV with an unknown question type is refused, naming the row", arguments: TestEngine.allCases)
    func unknownQuestionType(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.manager))
            let response = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=broken.csv", token: token,
                                               contentType: "text/csv", body: Self.unknownType)
            #expect(response.status == .unprocessableContent)
            let problems = try Harness.problems(response)
            let problem = try #require(problems.first)
            #expect(problem["sheet"] as? String == "survey")
            #expect(problem["row"] as? Int == 4)
            #expect(problem["column"] as? String == "type")
            #expect((problem["message"] as? String)?.contains("selfie") == true)
            #expect(try await h.store.forms(projectID: h.fixture.project.id).count == 1)
        }
    }

    @Test("an XLSForm CSV whose choice list is missing is refused, naming the row", arguments: TestEngine.allCases)
    func missingChoiceList(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.owner))
            let response = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=colours.csv", token: token,
                                               contentType: "text/csv", body: Self.missingChoices)
            #expect(response.status == .unprocessableContent)
            let problem = try #require(try Harness.problems(response).first)
            #expect(problem["row"] as? Int == 3)
            #expect((problem["message"] as? String)?.contains("colours") == true)
            #expect(try await h.store.form(projectID: h.fixture.project.id, formID: "colours") == nil)
        }
    }

    @Test("the web upload shows the same problems and stores nothing", arguments: TestEngine.allCases)
    func webUploadRefused(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let browser = try await h.signIn(h.fixture.member(.manager))
            let boundary = "----counted-test-boundary"
            let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="_csrf"\r
            \r
            \(browser.csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="broken.csv"\r
            Content-Type: text/csv\r
            \r
            \(Self.unknownType)\r
            --\(boundary)--\r

            """
            let response = try await h.request(.post, "/projects/fixture/forms", session: browser,
                                               contentType: "multipart/form-data; boundary=\(boundary)", body: body)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("row 4"))
            #expect(html.contains("selfie"))
            #expect(try await h.store.forms(projectID: h.fixture.project.id).count == 1)
        }
    }

    @Test("submissions with a missing required answer, an unknown field or a wrong type are refused", arguments: TestEngine.allCases)
    func badSubmissions(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.collector))
            let cases: [(body: String, field: String)] = [
                (#"{"answers": {"sex": "female", "disability": "no"}}"#, "age"),
                (#"{"answers": {"sex": "female", "age": 30, "disability": "no", "shoe_size": 42}}"#, "shoe_size"),
                (#"{"answers": {"sex": "female", "age": "thirty", "disability": "no"}}"#, "age"),
                (#"{"answers": {"sex": "robot", "age": 30, "disability": "no"}}"#, "sex"),
            ]
            for (body, field) in cases {
                let response = try await h.submit(body, token: token)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(try Harness.problems(response).contains { $0["field"] as? String == field }, "\(body) should name \(field)")
            }
            #expect(try await h.submissionCount() == 0)
        }
    }

    @Test("a body that is not JSON is a 400", arguments: TestEngine.allCases)
    func notJSON(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.collector))
            for body in ["sex=female&age=3", "{\"answers\": {", "[1, 2]"] {
                let response = try await h.submit(body, token: token)
                #expect(response.status == .badRequest, "\(body)")
                #expect(try Harness.problems(response).contains { $0["field"] as? String == "body" })
            }
            #expect(try await h.submissionCount() == 0)
        }
    }

    @Test("an unknown project or form is a 404", arguments: TestEngine.allCases)
    func unknownProject(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let token = try await h.token(for: h.fixture.member(.collector))
            let project = try await h.submit(Harness.validSubmission, token: token, project: "nowhere")
            #expect(project.status == .notFound)
            #expect(String(buffer: project.body).contains("nowhere"))
            let form = try await h.submit(Harness.validSubmission, token: token, form: "nothing")
            #expect(form.status == .notFound)
            #expect(try await h.request(.get, "/p/nowhere").status == .notFound)
            #expect(try await h.submissionCount() == 0)
        }
    }

    @Test("an indicator that does not fit its questionnaire is refused, naming the property")
    func badIndicator() async throws {
        try await Harness.run(.sqlite) { h in
            let token = try await h.token(for: h.fixture.member(.analyst))
            let body = #"{"code": "X-1", "title": "Employed", "formID": "fixture", "field": "employed", "value": "maybe", "disaggregateBy": "age"}"#
            let response = try await h.request(.post, "/api/v1/projects/fixture/indicators", token: token, contentType: "application/json", body: body)
            #expect(response.status == .unprocessableContent)
            let fields = try Harness.problems(response).compactMap { $0["field"] as? String }
            #expect(fields.contains("value"))
            #expect(fields.contains("disaggregateBy"))
            #expect(try await h.store.indicators(projectID: h.fixture.project.id).isEmpty)
            let notJSON = try await h.request(.post, "/api/v1/projects/fixture/indicators", token: token, contentType: "application/json", body: "code=1")
            #expect(notJSON.status == .badRequest)
        }
    }
}
