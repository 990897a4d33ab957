import Accounts
import ArgumentParser
import Demo
import Foundation
import Hummingbird
import Logging
import Server
import Storage

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (pages, JSON API) until SIGINT or SIGTERM.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: ArgumentHelp("Address to listen on. Also COUNTED_HOST. Default 127.0.0.1.", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on (0 picks a free one). Also COUNTED_PORT. Default 8080.", valueName: "port"))
    var port: Int?

    @Flag(help: "Seed the demo project (address 'demo') with synthetic data, once; then serve.")
    var demo = false

    @Flag(help: "Mark the session cookie Secure (use behind HTTPS). Also COUNTED_SECURE_COOKIES=1.")
    var secureCookies = false

    func run() async throws {
        let logger = try logging.bootstrap()
        let location = try database.location()
        var configuration = ServerConfiguration()
        configuration.host = host ?? Environment.value("COUNTED_HOST") ?? "127.0.0.1"
        if let port = port ?? Environment.value("COUNTED_PORT").flatMap(Int.init) { configuration.port = port }
        configuration.secureCookies = secureCookies || Environment.value("COUNTED_SECURE_COOKIES") == "1"
        if let cost = Environment.value("COUNTED_PASSWORD_COST").flatMap(UInt8.init) { configuration.passwordCost = cost }
        let seedDemo = demo
        let host = configuration.host
        do {
            try await Store.withStore(location, logger: logger) { store in
                logger.info("database ready", metadata: ["database": "\(location)", "schema": "\(Store.schemaVersion)"])
                if seedDemo {
                    print("Preparing the demo project (the first time takes a few seconds)…")
                    let summary = try await DemoSeed.seed(into: store, hasher: PasswordHasher(cost: configuration.passwordCost))
                    print("Demo barometer '\(summary.barometer.name)' has \(summary.barometerSubmissions) submissions in two published rounds; "
                        + "'\(summary.survey.name)' has \(summary.storedSubmissions).")
                }
                let app = try await buildApplication(store: store, configuration: configuration, logger: logger) { port in
                    var lines = ["Counted is running at http://\(host):\(port)"]
                    if seedDemo {
                        lines.append("  Demo barometer: http://\(host):\(port)/p/\(DemoSeed.projectSlug)/framework")
                        lines.append("  Demo survey:    http://\(host):\(port)/p/\(DemoSeed.surveySlug)")
                        lines.append("  Demo sign-in:   \(DemoSeed.ownerEmail) / \(DemoSeed.ownerPassword) (project owner)")
                        lines.append("                  \(DemoSeed.collectorEmail) / \(DemoSeed.collectorPassword) (data collector)")
                    }
                    lines.append("Press Ctrl-C to stop.")
                    print(lines.joined(separator: "\n"))
                    fflush(nil)
                }
                try await app.runService()
                logger.info("server stopped; closing the database")
            }
        } catch let error as StorageError {
            throw CommandFailure(error)
        }
    }
}
