import CountedTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Uploading XLSForms: a workbook becomes an XForm that ODK Collect lists and downloads; a new
/// version that changes a question's type is stored with a warning; a form only ODK Collect can
/// fill in is refused by the browser form and the JSON API with directions.
@Suite("Uploading questionnaires")
struct FormUploadTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../FormsTests/Spreadsheet/Fixtures/openpyxl-basic-form.xlsx").standardized

    private func upload(_ h: Harness, token: String, fileName: String, contentType: String, body: ByteBuffer) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: contentType]
        headers[.accept] = "application/json"
        return try await h.client.execute(uri: "/api/v1/projects/fixture/forms?filename=\(fileName)", method: .post, headers: headers, body: body)
    }

    @Test("an .xlsx upload is listed and downloaded by ODK Collect as the XForm pyxform would write", arguments: TestEngine.allCases)
    func workbookReachesODKCollect(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = try await h.token(for: h.fixture.member(.manager))
            let bytes = try Data(contentsOf: Self.workbook)
            let response = try await upload(h, token: manager, fileName: "paid_work.xlsx",
                                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            body: ByteBuffer(bytes: bytes))
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let summary = try Harness.json(response)
            #expect(summary["form_id"] as? String == "paid_work")
            #expect(summary["version"] as? String == "2024031501")

            let collector = "Basic " + Data("\(h.fixture.member(.collector).email):\(ProjectFixture.password)".utf8).base64EncodedString()
            let list = try await h.client.execute(uri: "/openrosa/fixture/formList", method: .get,
                                                  headers: [.authorization: collector, HTTPField.Name("X-OpenRosa-Version")!: "1.0"], body: nil)
            let listXML = String(buffer: list.body)
            #expect(list.status == .ok)
            #expect(listXML.contains("<formID>paid_work</formID>"), "\(listXML)")
            #expect(listXML.contains("<version>2024031501</version>"))

            let download = try await h.client.execute(uri: "/openrosa/fixture/forms/paid_work/form.xml", method: .get,
                                                      headers: [.authorization: collector], body: nil)
            let xform = String(buffer: download.body)
            #expect(download.status == .ok)
            #expect(xform.contains(#"<data id="paid_work" version="2024031501">"#))
            #expect(xform.contains(#"<translation lang="Français (fr)">"#))
        }
    }

    @Test("a new version whose question changed type is stored, with a warning naming the row", arguments: TestEngine.allCases)
    func typeChangeWarns(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = try await h.token(for: h.fixture.member(.manager))
            func csv(version: String, ageType: String) -> String {
                """
                survey,type,name,label
                ,\(ageType),age,How old are you?
                settings,form_id,version
                ,ages,\(version)
                """
            }
            let first = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=ages.csv", token: manager,
                                            contentType: "text/csv", body: csv(version: "1", ageType: "integer"))
            #expect(first.status == .created)
            #expect((try Harness.json(first)["warnings"] as? [Any])?.isEmpty == true)

            let second = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=ages.csv", token: manager,
                                             contentType: "text/csv", body: csv(version: "2", ageType: "text"))
            #expect(second.status == .created)
            let warnings = try #require(try Harness.json(second)["warnings"] as? [[String: Any]])
            #expect(warnings.count == 1)
            #expect(warnings.first?["row"] as? Int == 2)
            #expect((warnings.first?["message"] as? String)?.contains("'age' was integer in version 1 and is now text") == true)
        }
    }

    @Test("a form with groups is for ODK Collect: the browser form and the JSON API say where to go", arguments: TestEngine.allCases)
    func groupedFormNeedsODKCollect(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = try await h.token(for: h.fixture.member(.manager))
            let csv = """
            survey,type,name,label
            ,begin group,person,Person
            ,integer,age,Age
            ,end group,,
            ,select_one yn,consent,Do you agree?
            choices,list_name,name,label
            ,yn,yes,Yes
            ,yn,no,No
            settings,form_id
            ,grouped
            """
            let upload = try await h.request(.post, "/api/v1/projects/fixture/forms?filename=grouped.csv", token: manager, contentType: "text/csv", body: csv)
            #expect(upload.status == .created)
            let summary = try Harness.json(upload)
            #expect(summary["needs_odk_collect"] as? Bool == true)
            // The top-level select stays available to indicators.
            #expect((summary["questions"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["consent"])

            let collector = try await h.token(for: h.fixture.member(.collector))
            let refused = try await h.submit(#"{"instance_id": "uuid:g-1", "answers": {"consent": "yes"}}"#, token: collector, form: "grouped")
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("/openrosa/fixture"))

            let login = try await h.signIn(h.fixture.member(.collector))
            let page = try await h.request(.get, "/projects/fixture/forms/grouped/fill", session: login)
            #expect(page.status == .conflict)
            #expect(String(buffer: page.body).contains("ODK Collect"))
        }
    }
}
