import ArgumentParser
import Foundation
import Logging
import Storage

/// Where the data lives: every command that touches the database takes these.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "postgres://USER:PASSWORD@HOST:PORT/DATABASE, or sqlite:DIRECTORY. Default: sqlite:./counted-data.",
        discussion: "Also read from COUNTED_DATABASE_URL.", valueName: "url"))
    var database: String?

    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation.parse(database ?? Environment.value("COUNTED_DATABASE_URL"))
        } catch {
            throw ValidationError(error.description)
        }
    }
}

struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical. Also COUNTED_LOG_LEVEL.", valueName: "level"))
    var logLevel: String?

    /// Sends structured log lines (key=value metadata) to standard error.
    func bootstrap(defaultLevel: String = "info") throws -> Logger {
        let text = logLevel ?? Environment.value("COUNTED_LOG_LEVEL") ?? defaultLevel
        guard let level = Logger.Level(rawValue: text) else { throw ValidationError("Unknown log level '\(text)'.") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "counted")
        logger.logLevel = level
        return logger
    }
}

enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Prints an error the way a person reads it, without a stack of type names.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ error: any Error) { description = String(describing: error) }
    init(message: String) { description = message }
}
