import CountedTestSupport
import Foundation
import HTTPTypes
import Testing

/// The path from questionnaire to published number, through the API and the web pages.
@Suite("Collecting and publishing")
struct CollectionTests {
    @Test("API: upload a form, submit, define an indicator, read it publicly", arguments: TestEngine.allCases)
    func apiPath(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = try await h.token(for: h.fixture.member(.manager))
            let csv = """
            survey,,,
            ,type,name,label,required
            ,select_one place,place,Where do you live?,yes
            ,select_one yn,school,Did you finish school?,yes
            choices,,,
            ,list_name,name,label
            ,place,town,Town
            ,place,village,Village
            ,place,city,City
            ,yn,yes,Yes
            ,yn,no,No
            """
            let upload = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=school.csv", token: manager, contentType: "text/csv", body: csv)
            #expect(upload.status == .created)
            #expect(try Harness.json(upload)["form_id"] as? String == "school")

            let collector = try await h.token(for: h.fixture.member(.collector))
            // Town: 8 of 12 finished school; village: 4 of 16; city: 1 of 1 (too few to publish).
            let answers = Array(repeating: ("town", "yes"), count: 8) + Array(repeating: ("town", "no"), count: 4)
                + Array(repeating: ("village", "yes"), count: 4) + Array(repeating: ("village", "no"), count: 12) + [("city", "yes")]
            for (index, (place, school)) in answers.enumerated() {
                let body = #"{"instance_id": "uuid:school-\#(index)", "answers": {"place": "\#(place)", "school": "\#(school)"}}"#
                let response = try await h.submit(body, token: collector, form: "school")
                #expect(response.status == .created)
            }
            let resent = try await h.submit(#"{"instance_id": "uuid:school-0", "answers": {"place": "town", "school": "yes"}}"#, token: collector, form: "school")
            #expect(resent.status == .ok)
            #expect(try Harness.json(resent)["duplicate"] as? Bool == true)

            let analyst = try await h.token(for: h.fixture.member(.analyst))
            let indicator = #"{"code": "EDU-1", "title": "Finished school", "formID": "school", "field": "school", "value": "yes", "disaggregateBy": "place"}"#
            #expect(try await h.request(.post, "/api/v1/projects/fixture/indicators", token: analyst, contentType: "application/json", body: indicator).status == .created)

            let results = try await h.request(.get, "/api/v1/projects/fixture/indicators")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: results.body)) as? [[String: Any]])
            let rows = try #require(list.first?["rows"] as? [[String: Any]])
            // The city (1 respondent) is hidden, and so is the town: otherwise 29 - 16 = 13 would give the city away.
            #expect(rows.map { $0["group"] as? String } == [nil, "town", "village", "city"])
            #expect(rows.map { $0["count"] as? Int } == [13, nil, 4, nil])
            #expect(rows.map { $0["total"] as? Int } == [29, nil, 16, nil])
            #expect(rows.map { $0["hidden"] as? Bool } == [false, true, false, true])
            #expect(rows.first?["group"] is NSNull, "the overall row's group is an explicit null")
            #expect(rows[1]["share"] is NSNull && rows[3]["share"] is NSNull, "hidden rows carry no numbers")
            #expect((rows[3]["notes"] as? [String]) == ["Fewer than 10 respondents"])
            let village = try #require(rows[2]["share"] as? Double)
            let low = try #require(rows[2]["ciLow"] as? Double)
            let high = try #require(rows[2]["ciHigh"] as? Double)
            #expect(village == 0.25 && low < 0.25 && 0.25 < high)

            let page = String(buffer: try await h.request(.get, "/p/fixture").body)
            #expect(page.contains("Finished school"))
            #expect(page.contains("<caption id="))
            #expect(page.contains("44.8%"))
            #expect(page.contains("25.0%"))
            #expect(!page.contains("66.7%"), "the town's share is hidden")
            #expect(page.contains("Fewer than 10 respondents"))
            #expect(page.contains("Hidden so that a hidden cell cannot be worked out from the totals"))
        }
    }

    @Test("web form: a collector fills in the questionnaire; problems are shown and nothing is stored", arguments: TestEngine.allCases)
    func webForm(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let browser = try await h.signIn(h.fixture.member(.collector))
            let form = try await h.request(.get, "/projects/fixture/forms/fixture/fill", session: browser)
            #expect(form.status == .ok)
            let html = String(buffer: form.body)
            #expect(html.contains("<legend>What is your sex?"))
            #expect(html.contains("for=\"q-age\""))
            #expect(!html.contains("has-error"), "a fresh form shows no errors")
            #expect(!html.contains("field-error"))

            let invalid = try await h.post("/projects/fixture/forms/fixture/fill", session: browser,
                                           fields: [("sex", "female"), ("age", "old"), ("disability", ""), ("instance_id", "uuid:web-1")])
            #expect(invalid.status == .unprocessableContent)
            let page = String(buffer: invalid.body)
            #expect(page.contains("error-summary"))
            #expect(page.contains("href=\"#q-age\""))
            #expect(page.components(separatedBy: "question has-error").count - 1 == 2, "only the age and disability questions are marked")
            #expect(page.contains("value=\"old\""))
            #expect(try await h.submissionCount() == 0)

            let forged = try await h.post("/projects/fixture/forms/fixture/fill", session: browser,
                                          fields: [("sex", "female"), ("age", "40"), ("disability", "no")], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await h.submissionCount() == 0)

            let valid = try await h.post("/projects/fixture/forms/fixture/fill", session: browser,
                                         fields: [("sex", "female"), ("age", "40"), ("disability", "no"), ("comment", "Ça va"), ("instance_id", "uuid:web-1")])
            #expect(valid.status == .seeOther)
            let again = try await h.post("/projects/fixture/forms/fixture/fill", session: browser,
                                         fields: [("sex", "female"), ("age", "40"), ("disability", "no"), ("instance_id", "uuid:web-1")])
            #expect(again.status == .seeOther)
            #expect(try await h.submissionCount() == 1)
            let stored = try await h.store.submissions(formPK: h.fixture.form.id)
            #expect(stored.first?.instanceID == "uuid:web-1")
            #expect(stored.first?.channel == .web)
            #expect(stored.first?.answers.contains { $0.field == "comment" && $0.value == .text("Ça va") } == true)
        }
    }

    @Test("the workspace: a manager uploads a questionnaire from the browser")
    func webUpload() async throws {
        try await Harness.run(.sqlite) { h in
            let browser = try await h.signIn(h.fixture.member(.manager))
            let boundary = "XyZ"
            let csv = "survey,,,\n,type,name,label\n,text,name,Your name\nsettings,,,\n,form_title,form_id,version\n,Names,names,3\n"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"names.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            let response = try await h.request(.post, "/projects/fixture/forms", session: browser, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
            #expect(response.status == .seeOther)
            #expect(try await h.store.form(projectID: h.fixture.project.id, formID: "names")?.questionnaire.version == "3")
            let workspace = String(buffer: try await h.request(.get, "/projects/fixture", session: browser).body)
            #expect(workspace.contains("Names"))

            let collector = try await h.signIn(h.fixture.member(.collector))
            let refused = try await h.request(.post, "/projects/fixture/forms", session: collector,
                                              contentType: "multipart/form-data; boundary=\(boundary)",
                                              body: body.replacingOccurrences(of: browser.csrf, with: collector.csrf))
            #expect(refused.status == .forbidden)
        }
    }
}
