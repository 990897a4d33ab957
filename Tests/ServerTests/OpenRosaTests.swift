import Accounts
import CountedTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

/// ODK Collect's side of the conversation, in-process: form list, downloads, HEAD and POST
/// /submission, with HTTP Basic and with app-user tokens in the path.
@Suite("OpenRosa server")
struct OpenRosaTests {
    static func basic(_ email: String, _ password: String = ProjectFixture.password) -> String {
        "Basic " + Data("\(email):\(password)".utf8).base64EncodedString()
    }

    static func collectorAuth(_ h: Harness) -> String { basic(h.fixture.member(.collector).email) }

    func publish(_ h: Harness, media: Bool = false) async throws {
        try await HouseholdXForm.publish(in: h.store, projectID: h.fixture.project.id,
                                         media: media ? [HouseholdXForm.mediaFile("villages.csv", "name\nKibera\n")] : [])
    }

    static func get(_ h: Harness, _ uri: String, method: HTTPRequest.Method = .get, auth: String?) async throws -> TestResponse {
        var headers: HTTPFields = [HTTPField.Name("X-OpenRosa-Version")!: "1.0"]
        if let auth { headers[.authorization] = auth }
        return try await h.client.execute(uri: uri, method: method, headers: headers, body: nil)
    }

    static func post(_ h: Harness, _ uri: String = "/openrosa/fixture/submission", xml: Data,
                     attachments: [(name: String, type: String, data: Data)] = [], auth: String?) async throws -> TestResponse {
        var headers: HTTPFields = [HTTPField.Name("X-OpenRosa-Version")!: "1.0", .contentType: HouseholdXForm.multipartContentType]
        if let auth { headers[.authorization] = auth }
        return try await h.client.execute(uri: uri, method: .post, headers: headers,
                                          body: ByteBuffer(bytes: HouseholdXForm.multipart(xml: xml, attachments: attachments)))
    }

    static func count(_ h: Harness) async throws -> Int {
        guard let version = try await h.store.formVersion(projectID: h.fixture.project.id, formID: HouseholdXForm.formID,
                                                          version: HouseholdXForm.version) else { return -1 }
        return try await h.store.submissionCount(formPK: version.formPK)
    }

    static func message(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("HEAD /submission: 401 with a Basic challenge, then 204 with the OpenRosa headers", arguments: TestEngine.allCases)
    func preflight(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let anonymous = try await Self.get(h, "/openrosa/fixture/submission", method: .head, auth: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=\"Counted\"") == true)
            let wrong = try await Self.get(h, "/openrosa/fixture/submission", method: .head, auth: Self.basic(h.fixture.member(.collector).email, "nope-nope"))
            #expect(wrong.status == .unauthorized)
            for method in [HTTPRequest.Method.head, .get] {
                let ok = try await Self.get(h, "/openrosa/fixture/submission", method: method, auth: Self.collectorAuth(h))
                #expect(ok.status == .noContent)
                #expect(ok.headers[HTTPField.Name("X-OpenRosa-Version")!] == "1.0")
                #expect(ok.headers[HTTPField.Name("X-OpenRosa-Accept-Content-Length")!] == String(Harness.configuration.maxBodyBytes))
                let date = try #require(ok.headers[.date])
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                let sent = try #require(formatter.date(from: date), "an HTTP date: \(date)")
                #expect(abs(sent.timeIntervalSinceNow) < 120)
                #expect(formatter.string(from: sent) == date)
            }
            // The cached credentials still follow the password: a wrong one is refused after a right one.
            #expect(try await Self.get(h, "/openrosa/fixture/submission", method: .head, auth: Self.basic(h.fixture.member(.collector).email, "wrong-pass")).status == .unauthorized)
            // A role that may not submit, an outsider, an unknown project.
            #expect(try await Self.get(h, "/openrosa/fixture/submission", auth: Self.basic(h.fixture.member(.analyst).email)).status == .forbidden)
            #expect(try await Self.get(h, "/openrosa/fixture/submission", auth: Self.basic(h.fixture.outsider.email)).status == .forbidden)
            #expect(try await Self.get(h, "/openrosa/nowhere/submission", auth: Self.collectorAuth(h)).status == .notFound)
            // An API token works too (Central's Bearer), a browser session cookie does not.
            let token = try await h.token(for: h.fixture.member(.collector))
            #expect(try await Self.get(h, "/openrosa/fixture/submission", auth: "Bearer \(token)").status == .noContent)
            let session = try await h.signIn(h.fixture.member(.collector))
            let withCookie = try await h.client.execute(uri: "/openrosa/fixture/submission", method: .head, headers: [.cookie: session.cookie], body: nil)
            #expect(withCookie.status == .unauthorized)
        }
    }

    @Test("a private project is not found for outsiders", arguments: TestEngine.allCases)
    func privateProject(engine: TestEngine) async throws {
        try await Harness.run(engine, isPublic: false) { h in
            let outsider = try await Self.get(h, "/openrosa/fixture/formList", auth: Self.basic(h.fixture.outsider.email))
            let member = try await Self.get(h, "/openrosa/fixture/formList", auth: Self.collectorAuth(h))
            #expect(outsider.status == .notFound)
            #expect(member.status == .ok)
        }
    }

    @Test("formList lists forms with an XForm, with hash and URLs; download, manifest and media follow them", arguments: TestEngine.allCases)
    func formList(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let empty = try await Self.get(h, "/openrosa/fixture/formList", auth: Self.collectorAuth(h))
            #expect(empty.status == .ok)
            #expect(!Self.message(empty).contains("<xform>"), "the fixture's CSV form has no XForm, so Collect could not use it")
            try await publish(h)
            let list = try await h.client.execute(uri: "/openrosa/fixture/formList", method: .get,
                                                  headers: [.authorization: Self.collectorAuth(h), HTTPField.Name("X-Forwarded-Proto")!: "https",
                                                            HTTPField.Name("X-Forwarded-Host")!: "collect.example.org"], body: nil)
            let xml = Self.message(list)
            #expect(list.headers[.contentType] == "text/xml; charset=utf-8")
            #expect(xml.contains(#"<xforms xmlns="http://openrosa.org/xforms/xformsList">"#))
            #expect(xml.contains("<formID>household</formID><name>Household visit</name><version>2024110101</version>"))
            let md5 = ContentDigest.md5(Data((try HouseholdXForm.xform).utf8))
            #expect(xml.contains("<hash>md5:\(md5)</hash>"))
            #expect(xml.contains("<downloadUrl>https://collect.example.org/openrosa/fixture/forms/household/form.xml</downloadUrl>"))
            #expect(!xml.contains("manifestUrl"), "no media, no manifest")

            let download = try await Self.get(h, "/openrosa/fixture/forms/household/form.xml", auth: Self.collectorAuth(h))
            #expect(download.status == .ok)
            #expect(Self.message(download) == (try HouseholdXForm.xform))
            #expect(try await Self.get(h, "/openrosa/fixture/forms/fixture/form.xml", auth: Self.collectorAuth(h)).status == .notFound)
        }
        try await Harness.run(engine) { h in
            try await publish(h, media: true)
            let xml = Self.message(try await Self.get(h, "/openrosa/fixture/formList", auth: Self.collectorAuth(h)))
            #expect(xml.contains("/openrosa/fixture/forms/household/manifest</manifestUrl>"))
            let manifest = Self.message(try await Self.get(h, "/openrosa/fixture/forms/household/manifest", auth: Self.collectorAuth(h)))
            #expect(manifest.contains(#"<manifest xmlns="http://openrosa.org/xforms/xformsManifest">"#))
            #expect(manifest.contains("<filename>villages.csv</filename><hash>md5:\(ContentDigest.md5(Data("name\nKibera\n".utf8)))</hash>"))
            #expect(manifest.contains("/openrosa/fixture/forms/household/media/villages.csv</downloadUrl>"))
            let media = try await Self.get(h, "/openrosa/fixture/forms/household/media/villages.csv", auth: Self.collectorAuth(h))
            #expect(media.status == .ok)
            #expect(Self.message(media) == "name\nKibera\n")
            #expect(media.headers[.contentType] == "text/csv")
        }
    }

    @Test("POST /submission: 201 after storing; a resend is a success stored once; a changed copy is 409", arguments: TestEngine.allCases)
    func submission(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            try await publish(h)
            let xml = try HouseholdXForm.submission
            let photo = try HouseholdXForm.photo
            let created = try await Self.post(h, xml: xml, attachments: [(HouseholdXForm.photoName, "image/jpeg", photo)], auth: Self.collectorAuth(h))
            #expect(created.status == .created, "\(Self.message(created))")
            #expect(Self.message(created).contains(#"<OpenRosaResponse xmlns="http://openrosa.org/http/response""#))
            #expect(Self.message(created).contains(#"nature="submit_success""#))
            #expect(created.headers[.contentType] == "text/xml; charset=utf-8")
            #expect(created.headers[HTTPField.Name("X-OpenRosa-Version")!] == "1.0")
            #expect(try await Self.count(h) == 1)

            let resent = try await Self.post(h, xml: xml, attachments: [(HouseholdXForm.photoName, "image/jpeg", photo)], auth: Self.collectorAuth(h))
            #expect(resent.status == .created)
            #expect(Self.message(resent).contains("already received"))
            #expect(try await Self.count(h) == 1)

            let tampered = try HouseholdXForm.submission(replacing: "<village>Kibera</village>", with: "<village>Mathare</village>")
            let conflict = try await Self.post(h, xml: tampered, auth: Self.collectorAuth(h))
            #expect(conflict.status == .conflict)
            #expect(Self.message(conflict).contains("OpenRosaResponse"))
            #expect(Self.message(conflict).contains(HouseholdXForm.instanceID))
            #expect(try await Self.count(h) == 1)

            // Read back through the API, by a role that may read submissions.
            let reviewer = try await h.token(for: h.fixture.member(.reviewer))
            let base = "/api/v1/projects/fixture/forms/household/submissions/\(HouseholdXForm.instanceID)"
            let raw = try await h.request(.get, base + ".xml", token: reviewer)
            #expect(raw.status == .ok)
            #expect(Data(buffer: raw.body) == xml)
            let attachment = try await h.request(.get, base + "/attachments/\(HouseholdXForm.photoName)", token: reviewer)
            #expect(Data(buffer: attachment.body) == photo)
            #expect(attachment.headers[.contentType] == "image/jpeg")
            let record = try Harness.json(try await h.request(.get, base, token: reviewer))
            let values = try #require(record["values"] as? [[String: Any]])
            #expect(values.contains { $0["path"] as? String == "/data/household/size" && $0["number"] as? Double == 4 && $0["type"] as? String == "int" })
            #expect(values.contains { $0["record"] as? String == "/data/people[2]" && $0["type"] as? String == "repeat" })
            #expect((record["attachments"] as? [[String: Any]])?.first?["size"] as? Int == photo.count)
            // The colon of the instance ID may come percent-encoded.
            let encoded = base.replacingOccurrences(of: "uuid:", with: "uuid%3A")
            #expect(Data(buffer: try await h.request(.get, encoded + ".xml", token: reviewer).body) == xml)
            // A collector may not read submissions.
            let collector = try await h.token(for: h.fixture.member(.collector))
            #expect(try await h.request(.get, base + ".xml", token: collector).status == .forbidden)
            #expect(try await h.request(.get, base + "-nope.xml", token: reviewer).status == .notFound)
        }
    }

    @Test("attachments sent in a later POST of the same XML are added; findings are recorded, never a refusal", arguments: TestEngine.allCases)
    func splitUploadAndFindings(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            try await publish(h)
            let xml = try HouseholdXForm.submission(replacing: "<size>4</size>", with: "<size>four</size>")
            #expect(try await Self.post(h, xml: xml, auth: Self.collectorAuth(h)).status == .created)
            let second = try await Self.post(h, xml: xml, attachments: [(HouseholdXForm.photoName, "image/jpeg", try HouseholdXForm.photo)],
                                             auth: Self.collectorAuth(h))
            #expect(second.status == .created)
            #expect(Self.message(second).contains("1 more attachment"))
            let version = try #require(try await h.store.formVersion(projectID: h.fixture.project.id, formID: "household", version: HouseholdXForm.version))
            let record = try #require(try await h.store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID))
            #expect(record.attachments.map(\.name) == [HouseholdXForm.photoName])
            #expect(record.findings.map(\.path) == ["/data/household/size"])
            #expect(record.values.contains { $0.path == "/data/household/size" && $0.text == "four" && $0.number == nil })
        }
    }

    @Test("deprecatedID records an edit next to the original", arguments: TestEngine.allCases)
    func edit(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            try await publish(h)
            #expect(try await Self.post(h, xml: try HouseholdXForm.submission, auth: Self.collectorAuth(h)).status == .created)
            let edited = try HouseholdXForm.submission(
                replacing: "<instanceID>\(HouseholdXForm.instanceID)</instanceID>",
                with: "<instanceID>uuid:edited</instanceID><deprecatedID>\(HouseholdXForm.instanceID)</deprecatedID>")
            #expect(try await Self.post(h, xml: edited, auth: Self.collectorAuth(h)).status == .created)
            #expect(try await Self.count(h) == 2)
            let reviewer = try await h.token(for: h.fixture.member(.reviewer))
            let record = try Harness.json(try await h.request(.get, "/api/v1/projects/fixture/forms/household/submissions/uuid:edited", token: reviewer))
            #expect(record["replaces"] as? String == HouseholdXForm.instanceID)
            #expect(record["deprecated_id"] as? String == HouseholdXForm.instanceID)
        }
    }

    @Test("refusals name the problem in an OpenRosaResponse and store nothing", arguments: TestEngine.allCases)
    func refusals(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            try await publish(h)
            let auth = Self.collectorAuth(h)
            let malformed = try await Self.post(h, xml: Data("<data id=\"household\"><village>K</data>".utf8), auth: auth)
            #expect(malformed.status == .badRequest)
            #expect(Self.message(malformed).contains("not well-formed XML (line 1"))
            let unknownForm = try await Self.post(h, xml: try HouseholdXForm.submission(replacing: #"id="household""#, with: #"id="elsewhere""#), auth: auth)
            #expect(unknownForm.status == .notFound)
            #expect(Self.message(unknownForm).contains("no form 'elsewhere'"))
            let unknownVersion = try await Self.post(h, xml: try HouseholdXForm.submission(replacing: "2024110101", with: "1999"), auth: auth)
            #expect(unknownVersion.status == .badRequest)
            #expect(Self.message(unknownVersion).contains("no version '1999'"))
            // The CSV form has versions but no XForm model: it cannot be read as OpenRosa.
            let oldForm = try await Self.post(h, xml: Data(#"<data id="fixture" version="1"><age>3</age></data>"#.utf8), auth: auth)
            #expect(oldForm.status == .badRequest)
            #expect(Self.message(oldForm).contains("before this server kept XForms"))
            let noXMLPart = try await h.client.execute(uri: "/openrosa/fixture/submission", method: .post,
                                                       headers: [.authorization: auth, .contentType: HouseholdXForm.multipartContentType],
                                                       body: ByteBuffer(string: "------CollectBoundary7d93b1\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n------CollectBoundary7d93b1--\r\n"))
            #expect(noXMLPart.status == .badRequest)
            #expect(Self.message(noXMLPart).contains("xml_submission_file"))
            let notMultipart = try await h.client.execute(uri: "/openrosa/fixture/submission", method: .post,
                                                          headers: [.authorization: auth, .contentType: "text/xml"], body: ByteBuffer(bytes: try HouseholdXForm.submission))
            #expect(notMultipart.status == .badRequest)
            let wrongVersion = try await h.client.execute(uri: "/openrosa/fixture/submission", method: .post,
                                                          headers: [.authorization: auth, .contentType: HouseholdXForm.multipartContentType,
                                                                    HTTPField.Name("X-OpenRosa-Version")!: "2.0"],
                                                          body: ByteBuffer(bytes: HouseholdXForm.multipart(xml: try HouseholdXForm.submission)))
            #expect(wrongVersion.status == .badRequest)
            #expect(try await Self.post(h, xml: try HouseholdXForm.submission, auth: nil).status == .unauthorized)
            #expect(try await Self.count(h) == 0)
        }
    }

    @Test("a POST larger than the advertised limit is refused with 413 and stores nothing", arguments: TestEngine.allCases)
    func tooLarge(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            try await HouseholdXForm.publish(in: store, projectID: fixture.project.id)
            let configuration = ServerConfiguration(passwordCost: 4, maxBodyBytes: 1000)
            let app = try await buildApplication(store: store, configuration: configuration, logger: TestDatabase.logger)
            try await app.test(.router) { client in
                let auth = Self.basic(fixture.member(.collector).email)
                let head = try await client.execute(uri: "/openrosa/fixture/submission", method: .head, headers: [.authorization: auth], body: nil)
                #expect(head.headers[HTTPField.Name("X-OpenRosa-Accept-Content-Length")!] == "1000")
                let body = HouseholdXForm.multipart(xml: try HouseholdXForm.submission, attachments: [(HouseholdXForm.photoName, "image/jpeg", try HouseholdXForm.photo)])
                let response = try await client.execute(uri: "/openrosa/fixture/submission", method: .post,
                                                        headers: [.authorization: auth, .contentType: HouseholdXForm.multipartContentType],
                                                        body: ByteBuffer(bytes: body))
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("larger than this server accepts"))
            }
            let version = try #require(try await store.formVersion(projectID: fixture.project.id, formID: "household", version: HouseholdXForm.version))
            #expect(try await store.submissionCount(formPK: version.formPK) == 0)
        }
    }

    @Test("app users: owners and managers create them; their token in the path lets a phone collect until revoked", arguments: TestEngine.allCases)
    func appUsers(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            try await publish(h)
            let collector = try await h.token(for: h.fixture.member(.collector))
            #expect(try await h.request(.post, "/api/v1/projects/fixture/app-users", token: collector, contentType: "application/json",
                                        body: #"{"name": "Tablet"}"#).status == .forbidden)
            let manager = try await h.token(for: h.fixture.member(.manager))
            #expect(try await h.request(.post, "/api/v1/projects/fixture/app-users", token: manager, contentType: "application/json",
                                        body: #"{"name": "  "}"#).status == .unprocessableContent)
            let created = try await h.request(.post, "/api/v1/projects/fixture/app-users", token: manager, contentType: "application/json",
                                              body: #"{"name": "Tablet 3"}"#)
            #expect(created.status == .created)
            let body = try Harness.json(created)
            let token = try #require(body["token"] as? String)
            let id = try #require(body["id"] as? String)
            #expect((body["server_url"] as? String)?.hasSuffix("/openrosa/key/\(token)/fixture") == true)
            let listed = try JSONSerialization.jsonObject(with: Data(buffer: try await h.request(.get, "/api/v1/projects/fixture/app-users", token: manager).body))
            #expect((listed as? [[String: Any]])?.map { $0["name"] as? String } == ["Tablet 3"])
            #expect((listed as? [[String: Any]])?.first?["token"] == nil, "the token is shown once only")

            let base = "/openrosa/key/\(token)/fixture"
            #expect(try await Self.get(h, base + "/submission", method: .head, auth: nil).status == .noContent)
            let list = Self.message(try await Self.get(h, base + "/formList", auth: nil))
            #expect(list.contains("\(base)/forms/household/form.xml</downloadUrl>"))
            #expect(try await Self.post(h, base + "/submission", xml: try HouseholdXForm.submission, auth: nil).status == .created)
            #expect(try await Self.count(h) == 1)
            #expect(try await h.store.auditLog(projectID: h.fixture.project.id).contains { $0.action == "app_user.created" && $0.subject == "Tablet 3" })

            #expect(try await Self.get(h, "/openrosa/key/not-a-token/fixture/formList", auth: nil).status == .forbidden)
            #expect(try await h.request(.delete, "/api/v1/projects/fixture/app-users/\(id)", token: manager).status == .noContent)
            #expect(try await Self.get(h, base + "/formList", auth: nil).status == .forbidden)
        }
    }
}
