import Accounts
import CountedTestSupport
import Foundation
import HTTPTypes
import Storage
import Testing

/// The real `counted serve` process, spoken to over a socket exactly as ODK Collect does.
@Suite("OpenRosa with the real server process")
struct OpenRosaProcessTests {
    @Test("Collect's conversation: HEAD 401 then 204, chunked multipart POST with a JPEG, read back byte for byte, resend, tamper",
          arguments: TestEngine.allCases)
    func collectConversation(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        let fixture = try await ProjectFixture.make(in: store)
        try await HouseholdXForm.publish(in: store, projectID: fixture.project.id)
        let reader = SecretToken.generate(prefix: "ctd_")
        try await store.addAPIToken(userID: fixture.member(.reviewer).id, name: "analysis", digest: reader.digest)
        await store.close()

        let server = try await ServerProcess.start(["--database", database.commandLineURL])
        let openRosa: HTTPFields = [HTTPField.Name("X-OpenRosa-Version")!: "1.0"]
        let basic = "Basic " + Data("\(fixture.member(.collector).email):\(ProjectFixture.password)".utf8).base64EncodedString()

        // 1. HEAD without credentials: the challenge Collect waits for.
        let challenge = try await server.send(.head, "/openrosa/fixture/submission", headers: openRosa)
        #expect(challenge.status == 401)
        #expect(challenge.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=\"Counted\"") == true)
        // 2. HEAD with credentials: 204 and the OpenRosa headers.
        var authorised = openRosa
        authorised[.authorization] = basic
        let preflight = try await server.send(.head, "/openrosa/fixture/submission", headers: authorised)
        #expect(preflight.status == 204)
        #expect(preflight.headers[HTTPField.Name("X-OpenRosa-Accept-Content-Length")!] != nil)

        // 3. The multipart POST, in chunked transfer encoding, with the XML and a JPEG.
        let xml = try HouseholdXForm.submission
        let photo = try HouseholdXForm.photo
        let body = HouseholdXForm.multipart(xml: xml, attachments: [(HouseholdXForm.photoName, "image/jpeg", photo)])
        var request = Data("""
            POST /openrosa/fixture/submission HTTP/1.1\r
            Host: 127.0.0.1:\(server.port)\r
            X-OpenRosa-Version: 1.0\r
            Authorization: \(basic)\r
            Content-Type: \(HouseholdXForm.multipartContentType)\r
            Transfer-Encoding: chunked\r
            Connection: close\r
            \r

            """.utf8)
        request.append(RawHTTPExchange.chunked(body, size: 256))
        let posted = try await RawHTTPExchange.send(request, port: server.port)
        #expect(posted.status == 201, "\(posted.text)")
        #expect(posted.text.contains(#"<message nature="submit_success">"#))
        #expect(posted.text.lowercased().contains("x-openrosa-version: 1.0"))

        // 4. Read back: the raw XML and the photo byte for byte, and the typed values.
        let reading: HTTPFields = [.authorization: "Bearer \(reader.value)"]
        let path = "/api/v1/projects/fixture/forms/household/submissions/\(HouseholdXForm.instanceID)"
        let raw = try await server.send(.get, path + ".xml", headers: reading)
        #expect(raw.status == 200)
        #expect(raw.body == xml)
        let attachment = try await server.send(.get, path + "/attachments/\(HouseholdXForm.photoName)", headers: reading)
        #expect(attachment.status == 200)
        #expect(attachment.body == photo)
        let record = try await server.send(.get, path, headers: reading)
        let json = try #require(try JSONSerialization.jsonObject(with: record.body) as? [String: Any])
        let values = try #require(json["values"] as? [[String: Any]])
        #expect(values.contains { $0["path"] as? String == "/data/household/income" && $0["number"] as? Double == 12500.5 })
        #expect(values.filter { $0["type"] as? String == "repeat" }.compactMap { $0["record"] as? String }
                == ["/data/people[1]", "/data/people[1]/child[1]", "/data/people[1]/child[2]", "/data/people[2]", "/data/people[2]/child[1]"])
        #expect((json["findings"] as? [Any])?.isEmpty == true)

        // 5. The same POST again: success, nothing new stored.
        var multipart = authorised
        multipart[.contentType] = HouseholdXForm.multipartContentType
        let resent = try await server.send(.post, "/openrosa/fixture/submission", headers: multipart, body: body)
        #expect(resent.status == 201)
        let list = try await server.send(.get, "/api/v1/projects/fixture/forms/household/submissions", headers: reading)
        #expect((try JSONSerialization.jsonObject(with: list.body) as? [String: Any])?["total"] as? Int == 1)

        // 6. The same instance ID with changed content: 409, and the stored copy is untouched.
        let tampered = try HouseholdXForm.submission(replacing: "<age>34</age>", with: "<age>43</age>")
        let conflict = try await server.send(.post, "/openrosa/fixture/submission", headers: multipart,
                                             body: HouseholdXForm.multipart(xml: tampered))
        #expect(conflict.status == 409)
        #expect(String(decoding: conflict.body, as: UTF8.self).contains("OpenRosaResponse"))
        #expect(try await server.send(.get, path + ".xml", headers: reading).body == xml)

        server.signal(SIGTERM)
        _ = try await server.waitForExit(seconds: 30)
        await database.remove()
    }
}
