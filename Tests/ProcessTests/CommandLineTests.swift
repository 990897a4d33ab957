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
        for command in ["serve", "form", "user", "project", "migrate"] {
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
            let page = try await server.request("GET", "/p/\(DemoSeed.surveySlug)")
            #expect(page.status == 200)
            #expect(page.body.contains("People in paid work"))
            #expect(page.body.contains("<td class=\"number\">\(DemoSeed.submissionCount)</td>"), "round \(round)")
            #expect(try await server.request("GET", "/p/demo/framework").status == 200)
            let home = try await server.request("GET", "/")
            #expect(home.body.contains("/p/demo"))
            #expect(home.body.contains("/p/\(DemoSeed.surveySlug)"))
            server.signal(SIGTERM)
            #expect(try await server.waitForExit(seconds: 30) == 0)
        }
        await database.remove()
    }
}

@Suite("counted form convert")
struct FormConvertCommandTests {
    private func write(_ text: String, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counted-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("a valid form gives its XForm on standard output or in a file")
    func convertsAValidForm() async throws {
        let form = try write("""
            survey,type,name,label
            ,integer,age,How old are you?
            ,select_one yn,paid_work,Do you have paid work?
            choices,list_name,name,label
            ,yn,yes,Yes
            ,yn,no,No
            settings,form_id,version
            ,work_survey,3
            """, name: "work.csv")
        let (status, output) = try await ServerProcess.run(["form", "convert", form.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("<h:title>work_survey</h:title>"), "\(output)")
        #expect(output.contains("id=\"work_survey\""))
        #expect(output.contains("nodeset=\"/data/age\""))

        let out = form.deletingLastPathComponent().appendingPathComponent("work.xml")
        let (written, _) = try await ServerProcess.run(["form", "convert", form.path, out.path])
        #expect(written == 0)
        let xml = try String(contentsOf: out, encoding: .utf8)
        #expect(xml.contains("<instance id=\"yn\">"), "\(xml)")
        #expect(xml.contains("<name>yes</name>"), "\(xml)")
    }

    @Test("a broken form exits 1 with one problem per line naming the sheet and row, and writes nothing")
    func refusesABrokenForm() async throws {
        let form = try write("""
            survey,type,name,label
            ,integer,age,Age
            ,select_one missing_list,sex,Sex
            ,begin group,household,Household
            """, name: "broken.csv")
        let out = form.deletingLastPathComponent().appendingPathComponent("broken.xml")
        let (status, output) = try await ServerProcess.run(["form", "convert", form.path, out.path])
        #expect(status == 1)
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("broken.csv, sheet ") }
        #expect(lines.count >= 2, "\(output)")
        #expect(lines.contains { $0.contains("sheet survey, row 3") }, "\(output)")
        #expect(lines.contains { $0.contains("sheet survey, row 4") }, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
