import ArgumentParser
import Foundation
import Frameworks
import Logging
import Server
import Storage
import Survey

/// `counted analyze`: a project's indicators from the shell, exactly as its pages publish them
/// (shares with standard errors and 95% intervals, under disclosure control).
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute a project's indicators, by group, as its public page shows them.",
        discussion: """
            Prints one row per indicator and group: indicator,group,count,total,share,se,ci_low,ci_high,hidden,unreliable,note \
            (the overall row first, with an empty group). Rows hidden by disclosure control have no numbers.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The project's address, as in /p/ADDRESS.", valueName: "slug"))
    var project: String

    @Option(help: ArgumentHelp("Output: csv (default) or json.", valueName: "format"))
    var format = "csv"

    func validate() throws {
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format is csv or json, not '\(format)'.") }
    }

    func run() async throws {
        let slug = project
        let results: [IndicatorResult]
        do {
            results = try await Store.withStore(try database.location(), logger: Logger(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else {
                    throw CommandFailure(message: "There is no project '\(slug)' in this database.")
                }
                return try await ProjectResults.published(for: project, in: store)
            }
        } catch let error as StorageError {
            throw CommandFailure(error)
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        print("indicator,group,count,total,share,se,ci_low,ci_high,hidden,unreliable,note")
        for result in results {
            for row in result.rows {
                let fields = [result.code, row.group ?? "", row.count.map(String.init) ?? "", row.total.map(String.init) ?? "",
                              CSVField.number(row.share), CSVField.number(row.standardError), CSVField.number(row.ciLow), CSVField.number(row.ciHigh),
                              String(row.isHidden), String(row.isUnreliable), row.notes.joined(separator: " ")]
                print(fields.map(CSVField.escaped).joined(separator: ","))
            }
        }
        if results.isEmpty { StandardError.write("The project '\(slug)' has no indicators yet.") }
    }
}
