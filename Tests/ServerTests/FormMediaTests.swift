import CountedTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Media files of a form: what the XForm names is listed as expected, external choices arrive as
/// itemsets.csv by themselves, managers upload the rest, and ODK Collect finds them in the manifest.
@Suite("Form media files")
struct FormMediaTests {
    static let form = """
    survey,type,name,label,image,calculation,choice_filter
    ,select_one county,county,County,,,
    ,select_one_external district,district,District,,,county=${county}
    ,note,map_note,Where the district lies,district-map.png,,
    ,calculate,price,,,"pulldata('prices', 'price', 'item', 'maize')",
    choices,list_name,name,label
    ,county,kisumu,Kisumu
    ,county,turkana,Turkana
    external_choices,list_name,name,label,county
    ,district,nyando,Nyando,kisumu
    ,district,loima,Loima,turkana
    settings,form_id,version
    ,district_visit,1
    """

    private func uploadForm(_ h: Harness, token: String) async throws {
        let response = try await h.client.execute(
            uri: "/api/v1/projects/fixture/forms?filename=district_visit.csv", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"], body: ByteBuffer(string: Self.form))
        #expect(response.status == .created, "\(String(buffer: response.body))")
    }

    private func put(_ h: Harness, _ name: String, token: String, type: String = "image/png", bytes: [UInt8]) async throws -> TestResponse {
        try await h.client.execute(uri: "/api/v1/projects/fixture/forms/district_visit/media/\(name)", method: .put,
                                   headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes))
    }

    private func list(_ h: Harness, token: String) async throws -> [[String: Any]] {
        let response = try await h.request(.get, "/api/v1/projects/fixture/forms/district_visit/media", token: token)
        #expect(response.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
    }

    @Test("expected files are listed; itemsets.csv comes with the form; uploads reach ODK Collect's manifest", arguments: TestEngine.allCases)
    func uploadAndManifest(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = try await h.token(for: h.fixture.member(.manager))
            try await uploadForm(h, token: manager)

            let before = try await list(h, token: manager)
            #expect(before.map { $0["name"] as? String } == ["district-map.png", "prices.csv", "itemsets.csv"])
            #expect(before.map { $0["expected"] as? Bool } == [true, true, true])
            #expect(before.map { $0["uploaded"] as? Bool } == [false, false, true])

            // Only those who manage forms may upload; a name with a folder is refused and nothing is stored.
            let collector = try await h.token(for: h.fixture.member(.collector))
            #expect(try await put(h, "district-map.png", token: collector, bytes: [1, 2, 3]).status == .forbidden)
            let badName = try await put(h, "maps%2Fdistrict-map.png", token: manager, bytes: [1, 2, 3])
            #expect(badName.status == .unprocessableContent)
            #expect(String(buffer: badName.body).contains("without folders"))
            #expect(try await put(h, "district-map.png", token: manager, bytes: []).status == .unprocessableContent)

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7]
            #expect(try await put(h, "district-map.png", token: manager, bytes: png).status == .created)
            #expect(try await put(h, "district-map.png", token: manager, bytes: png + [8]).status == .ok, "a second upload replaces")
            #expect(try await put(h, "prices.csv", token: manager, type: "text/csv", bytes: Array("item,price\nmaize,40\n".utf8)).status == .created)
            let after = try await list(h, token: manager)
            #expect(after.map { $0["uploaded"] as? Bool } == [true, true, true])

            let auth = OpenRosaTests.collectorAuth(h)
            let manifest = OpenRosaTests.message(try await OpenRosaTests.get(h, "/openrosa/fixture/forms/district_visit/manifest", auth: auth))
            for name in ["district-map.png", "prices.csv", "itemsets.csv"] {
                #expect(manifest.contains("<filename>\(name)</filename>"), "\(manifest)")
            }
            let image = try await OpenRosaTests.get(h, "/openrosa/fixture/forms/district_visit/media/district-map.png", auth: auth)
            #expect(Array(buffer: image.body) == png + [8])
            #expect(image.headers[.contentType] == "image/png")
            let itemsets = OpenRosaTests.message(try await OpenRosaTests.get(h, "/openrosa/fixture/forms/district_visit/media/itemsets.csv", auth: auth))
            #expect(itemsets == "\"list_name\",\"name\",\"label\",\"county\"\r\n\"district\",\"nyando\",\"Nyando\",\"kisumu\"\r\n"
                + "\"district\",\"loima\",\"Loima\",\"turkana\"\r\n")

            let audit = try await h.store.auditLog(projectID: h.fixture.project.id)
            #expect(audit.filter { $0.action == "form.media.added" }.count == 2)
            #expect(audit.contains { $0.action == "form.media.replaced" && $0.subject.contains("district-map.png") })
        }
    }

    @Test("the workspace names missing media files and takes several at once", arguments: TestEngine.allCases)
    func webUpload(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let manager = h.fixture.member(.manager)
            try await uploadForm(h, token: try await h.token(for: manager))
            let session = try await h.signIn(manager)
            let page = String(buffer: try await h.request(.get, "/projects/fixture", session: session).body)
            #expect(page.contains("Missing: district-map.png, prices.csv"))

            let boundary = "media-boundary-1"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n"
            for (name, content) in [("district-map.png", "PNG"), ("prices.csv", "item,price\n")] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(content)\r\n"
            }
            body += "--\(boundary)--\r\n"
            let response = try await h.request(.post, "/projects/fixture/forms/district_visit/media", session: session,
                                               contentType: "multipart/form-data; boundary=\(boundary)", body: body)
            #expect(response.status == .seeOther || response.status == .found)
            let after = String(buffer: try await h.request(.get, "/projects/fixture", session: session).body)
            #expect(!after.contains("Missing:"))
            #expect(after.contains("Uploaded: district-map.png, prices.csv, itemsets.csv"))
        }
    }
}
