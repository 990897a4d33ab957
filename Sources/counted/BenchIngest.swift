import Accounts
import ArgumentParser
import Forms
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle
import Storage

/// `counted bench ingest`: how many OpenRosa submissions per second the real server stores,
/// each answered 201 only once it is committed, at several numbers of concurrent collectors.
struct BenchIngest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Send OpenRosa submissions to an in-process server on 127.0.0.1 and report submissions/s and latency.",
        discussion: """
            Starts the server on a free loopback port, creates a project, an app user and a household form with \
            repeats, then, for each number of clients, sends --count submissions over keep-alive connections. \
            Every answer must be 201; afterwards the stored submissions are counted. By default the database is \
            SQLite in a new temporary directory, removed afterwards. With --database postgres://… give a scratch \
            database: the benchmark adds its own project (bench-…) there and leaves it.
            """)

    @Option(help: ArgumentHelp("Submissions to send at each level.", valueName: "n"))
    var count = 2000

    @OptionGroup var load: BenchLoadOptions

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 1000000.") }
    }

    func run() async throws {
        let logger = try load.logging.bootstrap(defaultLevel: "warning")
        let levels = try load.levels()
        let results = try await load.withLocation { location in
            print("Benchmark: OpenRosa submissions on \(location) (\(ProcessInfo.processInfo.activeProcessorCount) cores), \(count) per level")
            return try await Store.withStore(location, logger: logger) { store in
                try await measure(store: store, levels: levels, logger: logger)
            }
        }
        print("")
        print(BenchTable.render(results))
        let sent = results.reduce(0) { $0 + $1.summary.submissions }
        let stored = results.reduce(0) { $0 + $1.stored }
        print("Stored: \(stored) of \(sent) submissions answered 201.")
        guard stored == sent else { throw BenchFailure("\(sent - stored) submissions answered 201 are not in the database.") }
    }

    private func measure(store: Store, levels: [Int], logger: Logger) async throws -> [BenchTable.Row] {
        let run = String(UUID().uuidString.lowercased().prefix(8))
        let slug = try Slug("bench-\(run)")
        let organisation = try await store.createOrganisation(slug: slug, name: "Benchmark \(run)")
        let project = try await store.createProject(organisationID: organisation.id, slug: slug, name: "Benchmark \(run)",
                                                    description: "Made by counted bench ingest.", isPublic: false)
        let (definition, xform) = try XLSFormFile.convert(Data(BenchForm.csv.utf8), fileName: BenchForm.fileName)
        let questionnaire = Questionnaire(form: definition, fallbackFormID: BenchForm.formID)
        let form = try await store.addFormVersion(projectID: project.id, questionnaire: questionnaire, sourceName: BenchForm.fileName,
                                                  source: BenchForm.csv, createdBy: nil,
                                                  xform: XFormVersion(xform: xform, definition: definition))
        let token = SecretToken.generate(prefix: "cta_")
        _ = try await store.createAppUser(projectID: project.id, name: "Benchmark phone", digest: token.digest, createdBy: nil)
        let path = "/openrosa/key/\(token.value)/\(slug.value)/submission"

        return try await BenchServer.run(store: store, logger: logger) { client in
            var rows: [BenchTable.Row] = []
            for clients in levels {
                let before = try await store.submissionCount(formPK: form.id)
                let load = BenchLoad(clients: clients, count: count, timeLimit: self.load.timeLimit)
                let level = "\(run)-c\(clients)"
                let summary = try await load.run(client: client) { index in
                    BenchLoad.Request(method: .POST, path: path,
                                      headers: [("X-OpenRosa-Version", "1.0"), ("Content-Type", BenchForm.contentType)],
                                      body: ByteBuffer(bytes: BenchForm.multipart(BenchForm.submission(run: level, index: index))),
                                      expectedStatus: 201)
                }
                let stored = try await store.submissionCount(formPK: form.id) - before
                rows.append(BenchTable.Row(summary: summary, stored: stored))
                print(BenchTable.progress(rows[rows.count - 1]))
                fflush(nil)
            }
            return rows
        }
    }
}
