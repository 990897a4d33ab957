import Accounts
import ArgumentParser
import Demo
import Foundation
import NIOCore
import Storage

/// `counted bench pages`: how fast the public barometer answers readers: the demo's pages of both
/// rounds (overview, themes, indicators, open data), the CSV link and the JSON API, at several
/// numbers of concurrent readers, every answer checked to be 200.
struct BenchPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Read the demo's public barometer from an in-process server on 127.0.0.1 and report requests/s and latency.",
        discussion: """
            Seeds the demo (two published rounds of the disability barometer) into a new temporary SQLite database \
            (or --database, a scratch database), starts the server on a free loopback port, then, for each number of \
            clients, requests the public pages in turn over keep-alive connections. Every answer must be 200.
            """)

    @Option(help: ArgumentHelp("Requests to send at each level.", valueName: "n"))
    var count = 5000

    @OptionGroup var load: BenchLoadOptions

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 1000000.") }
    }

    func run() async throws {
        let logger = try load.logging.bootstrap(defaultLevel: "warning")
        let levels = try load.levels()
        let timeLimit = load.timeLimit
        let rows = try await load.withLocation { location in
            print("Benchmark: public barometer pages on \(location) (\(ProcessInfo.processInfo.activeProcessorCount) cores), \(count) requests per level")
            return try await Store.withStore(location, logger: logger) { store in
                _ = try await DemoSeed.seed(into: store, hasher: PasswordHasher(cost: 4))
                guard let project = try await store.project(slug: "demo"), let stored = try await store.framework(projectID: project.id) else {
                    throw BenchFailure("The demo project was not seeded.")
                }
                let rounds = try await store.rounds(projectID: project.id).map(\.number)
                var paths = ["/p/demo", "/p/demo/results.csv", "/api/public/projects/demo/rounds"]
                for round in rounds {
                    let base = "/p/demo/rounds/\(round)"
                    paths += [base, base + "/downloads", "/api/public/projects/demo/rounds/\(round)/indicators"]
                    paths += stored.framework.themes.map { "\(base)/themes/\($0.code)" }
                    paths += stored.framework.indicators.map { "\(base)/indicators/\($0.code)" }
                }
                print("\(paths.count) different addresses, requested in turn.")
                let addresses = paths
                return try await BenchServer.run(store: store, logger: logger) { client in
                    var rows: [LatencySummary] = []
                    for clients in levels {
                        let summary = try await BenchLoad(clients: clients, count: count, timeLimit: timeLimit).run(client: client) { index in
                            BenchLoad.Request(method: .GET, path: addresses[index % addresses.count], headers: [], body: ByteBuffer(), expectedStatus: 200)
                        }
                        rows.append(summary)
                        print("\(clients) clients: \(summary.submissions) requests in \(String(format: "%.2f", summary.seconds)) s, "
                              + "\(String(format: "%.0f", summary.perSecond))/s, p50 \(String(format: "%.1f", summary.p50Milliseconds)) ms, "
                              + "p99 \(String(format: "%.1f", summary.p99Milliseconds)) ms")
                        fflush(nil)
                    }
                    return rows
                }
            }
        }
        print("")
        print("| clients | requests | seconds | requests/s | p50 ms | p99 ms |")
        print("|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            print("| \(row.clients) | \(row.submissions) | \(String(format: "%.2f", row.seconds)) | \(String(format: "%.0f", row.perSecond)) | "
                  + "\(String(format: "%.1f", row.p50Milliseconds)) | \(String(format: "%.1f", row.p99Milliseconds)) |")
        }
    }
}

