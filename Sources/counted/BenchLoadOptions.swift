import ArgumentParser
import Foundation
import Storage

/// The options every load benchmark takes: where the throw-away data goes, the levels of
/// concurrent clients, the time a level may take, and logging.
struct BenchLoadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("postgres://USER@HOST:PORT/DATABASE (a scratch database), or sqlite:DIRECTORY. Default: SQLite in a temporary directory.",
                               valueName: "url"))
    var database: String?

    @Option(help: ArgumentHelp("Numbers of concurrent clients, one level each, comma-separated.", valueName: "list"))
    var clients = "1,16,64"

    @Option(help: ArgumentHelp("Seconds a level may take before the benchmark gives up.", valueName: "seconds"))
    var timeLimit = 600

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...86_400).contains(timeLimit) else { throw ValidationError("--time-limit must be between 1 and 86400 seconds.") }
        _ = try levels()
    }

    func levels() throws -> [Int] {
        let levels = clients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = levels.compactMap { Int($0) }.filter { (1...1024).contains($0) }
        guard numbers.count == levels.count, !numbers.isEmpty else {
            throw ValidationError("--clients takes numbers from 1 to 1024 separated by commas, such as 1,16,64; got '\(clients)'.")
        }
        return numbers
    }

    /// Runs `body` on the database to use: --database, or SQLite in a temporary directory that is
    /// removed afterwards.
    func withLocation<R>(_ body: (DatabaseLocation) async throws -> R) async throws -> R {
        let temporary: String? = database == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("counted-bench-\(UUID().uuidString)").path : nil
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let location: DatabaseLocation
        do {
            location = try DatabaseLocation.parse(temporary.map { "sqlite:\($0)" } ?? database)
        } catch {
            throw ValidationError(error.description)
        }
        return try await body(location)
    }
}
