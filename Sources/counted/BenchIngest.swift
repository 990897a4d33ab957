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

    @Option(help: ArgumentHelp("postgres://USER@HOST:PORT/DATABASE (a scratch database), or sqlite:DIRECTORY. Default: SQLite in a temporary directory.",
                               valueName: "url"))
    var database: String?

    @Option(help: ArgumentHelp("Submissions to send at each level.", valueName: "n"))
    var count = 2000

    @Option(help: ArgumentHelp("Numbers of concurrent clients, one level each, comma-separated.", valueName: "list"))
    var clients = "1,16,64"

    @Option(help: ArgumentHelp("Seconds a level may take before the benchmark gives up.", valueName: "seconds"))
    var timeLimit = 600

    @OptionGroup var logging: LoggingOptions

    func levels() throws -> [Int] {
        let levels = clients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = levels.compactMap { Int($0) }.filter { (1...1024).contains($0) }
        guard numbers.count == levels.count, !numbers.isEmpty else {
            throw ValidationError("--clients takes numbers from 1 to 1024 separated by commas, such as 1,16,64; got '\(clients)'.")
        }
        return numbers
    }

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 1000000.") }
        guard (1...86_400).contains(timeLimit) else { throw ValidationError("--time-limit must be between 1 and 86400 seconds.") }
        _ = try levels()
    }

    func run() async throws {
        let logger = try logging.bootstrap(defaultLevel: "warning")
        let levels = try levels()
        let temporary: String? = database == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("counted-bench-\(UUID().uuidString)").path : nil
        let location: DatabaseLocation
        do {
            location = try DatabaseLocation.parse(temporary.map { "sqlite:\($0)" } ?? database)
        } catch {
            throw ValidationError(error.description)
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }

        print("Benchmark: OpenRosa submissions on \(location) (\(ProcessInfo.processInfo.activeProcessorCount) cores), \(count) per level")
        let results = try await Store.withStore(location, logger: logger) { store in
            try await measure(store: store, levels: levels, logger: logger)
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

        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let app = try await buildApplication(store: store, configuration: configuration, logger: logger) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let server = Task { try await services.run() }
        var rows: [BenchTable.Row] = []
        do {
            guard let port = try await firstPort(ports) else {
                throw BenchFailure("The server did not start listening within 30 seconds.")
            }
            let client = try LoopbackHTTPClient(host: "127.0.0.1", port: port)
            for clients in levels {
                let before = try await store.submissionCount(formPK: form.id)
                let summary = try await level(clients: clients, client: client, path: path, run: "\(run)-c\(clients)")
                let stored = try await store.submissionCount(formPK: form.id) - before
                rows.append(BenchTable.Row(summary: summary, stored: stored))
                print(BenchTable.progress(rows[rows.count - 1]))
                fflush(nil)
            }
        } catch {
            await services.triggerGracefulShutdown()
            _ = try? await server.value
            throw error
        }
        await services.triggerGracefulShutdown()
        try await server.value
        return rows
    }

    private func firstPort(_ ports: AsyncStream<Int>) async throws -> Int? {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Sends `count` submissions from `clients` concurrent connections; every answer must be 201.
    private func level(clients: Int, client: LoopbackHTTPClient, path: String, run: String) async throws -> LatencySummary {
        let count = self.count
        let deadline = ContinuousClock.now + .seconds(timeLimit)
        let limit = timeLimit
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for lane in 0..<min(clients, count) {
                group.addTask {
                    try await client.withConnection { connection in
                        var latencies: [Double] = []
                        for index in stride(from: lane, to: count, by: clients) {
                            guard ContinuousClock.now < deadline else {
                                throw BenchFailure("The level with \(clients) clients did not finish within \(limit) seconds (see --time-limit).")
                            }
                            let body = ByteBuffer(bytes: BenchForm.multipart(BenchForm.submission(run: run, index: index)))
                            let sent = ContinuousClock.now
                            let answer = try await connection.send(
                                method: .POST, path: path,
                                headers: [("X-OpenRosa-Version", "1.0"), ("Content-Type", BenchForm.contentType)], body: body)
                            latencies.append((ContinuousClock.now - sent).seconds)
                            guard answer.status == 201 else {
                                throw BenchFailure("Submission \(index) at \(clients) clients was answered \(answer.status), not 201: \(answer.body.prefix(500))")
                            }
                        }
                        return latencies
                    }
                }
            }
            var all: [Double] = []
            for try await lane in group { all += lane }
            return all
        }
        return LatencySummary(clients: clients, latencies: latencies, seconds: (ContinuousClock.now - started).seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
