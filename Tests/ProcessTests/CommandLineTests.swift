import CountedTestSupport
import Demo
import Foundation
import Storage
import Testing

@Suite("The counted command")
struct CommandLineTests {
    @Test("--help lists the commands with one-line descriptions")
    func help() async throws {
        let (status, output) = try await ServerProcess.run(["--help"])
        #expect(status == 0)
        for command in ["serve", "user", "project", "migrate"] {
            #expect(output.contains("  \(command) "), "\(command) missing from:\n\(output)")
        }
    }

    @Test("user add creates the first administrator from a password on standard input, once")
    func userAdd() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let url = database.commandLineURL
        let created = try await ServerProcess.run(["user", "add", "--email", "Admin@Example.org", "--admin", "--password-stdin", "--database", url],
                                            standardInput: "a long enough secret\n")
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("administrator admin@example.org"))
        let again = try await ServerProcess.run(["user", "add", "--email", "admin@example.org", "--password-stdin", "--database", url],
                                          standardInput: "another long secret\n")
        #expect(again.status != 0)
        #expect(again.output.contains("already exists"))
        let short = try await ServerProcess.run(["user", "add", "--email", "b@example.org", "--password-stdin", "--database", url], standardInput: "short\n")
        #expect(short.status != 0)
        #expect(short.output.contains("at least 8"))

        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        #expect(try await store.user(email: try .init("admin@example.org"))?.isAdministrator == true)
        await store.close()
        let migrate = try await ServerProcess.run(["migrate", "--database", url])
        #expect(migrate.output.contains("schema version \(Store.schemaVersion)"))
        await database.remove()
    }

    @Test("serve --demo shows a populated demo project, seeded once", arguments: TestEngine.allCases)
    func demo(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        for round in 1...2 {
            let server = try await ServerProcess.start(["--demo", "--database", database.commandLineURL])
            #expect(server.outputText.contains(DemoSeed.ownerEmail))
            let page = try await server.request("GET", "/p/demo")
            #expect(page.status == 200)
            #expect(page.body.contains("People in paid work"))
            #expect(page.body.contains("<td class=\"number\">\(DemoSeed.submissionCount)</td>"), "round \(round)")
            let home = try await server.request("GET", "/")
            #expect(home.body.contains("/p/demo"))
            server.signal(SIGTERM)
            #expect(try await server.waitForExit(seconds: 30) == 0)
        }
        await database.remove()
    }
}
