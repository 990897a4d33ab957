import Accounts
import CountedTestSupport
import Foundation
import Forms
import Storage
import Testing

/// A submission answered 201 is on disk: killing the server with SIGKILL straight after the
/// answer loses nothing, on either engine.
@Suite("Durability and shutdown of the real server process")
struct DurabilityTests {
    @Test("a submission answered 201 survives kill -9 of the server straight after the answer", arguments: TestEngine.allCases)
    func survivesKill(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let token = SecretToken.generate(prefix: "ctd_")
        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        let fixture = try await ProjectFixture.make(in: store)
        try await store.addAPIToken(userID: fixture.member(.collector).id, name: "phone", digest: token.digest)
        await store.close()

        let server = try await ServerProcess.start(["--database", database.commandLineURL])
        var acknowledged: [String] = []
        for index in 0..<5 {
            let body = #"{"instance_id": "uuid:kill-\#(index)", "answers": {"sex": "male", "age": \#(30 + index), "disability": "no"}}"#
            let response = try await server.request("POST", "/api/v1/projects/fixture/forms/fixture/submissions", token: token.value, json: body)
            #expect(response.status == 201, "\(response.body)")
            if response.status == 201 {
                acknowledged.append("uuid:kill-\(index)")
                if index == 4 { server.signal(SIGKILL) }
            }
        }
        let status = try await server.waitForExit(seconds: 10)
        #expect(status != nil)
        #expect(server.process.terminationReason == .uncaughtSignal)

        let reopened = try await Store.open(database.location, logger: TestDatabase.logger)
        let stored = try await reopened.submissions(formPK: fixture.form.id)
        #expect(stored.map(\.instanceID) == acknowledged)
        #expect(stored.last?.answers.contains(Answer(field: "age", value: .integer(34))) == true)
        await reopened.close()
        await database.remove()
    }

    @Test("SIGTERM stops the server cleanly: exit 0 and the SQLite log folded into the database file")
    func gracefulShutdown() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let server = try await ServerProcess.start(["--database", database.commandLineURL])
        #expect(try await server.request("GET", "/health").status == 200)
        server.signal(SIGTERM)
        let status = try await server.waitForExit(seconds: 30)
        #expect(status == 0, "\(server.outputText)")
        #expect(server.process.terminationReason == .exit)
        let wal = (database.location.sqliteFilePath ?? "") + "-wal"
        let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(size == 0, "the write-ahead log should be empty after a clean shutdown")
        await database.remove()
    }
}
