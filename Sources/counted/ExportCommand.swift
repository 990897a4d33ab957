import ArgumentParser
import Foundation
import Publishing
import Storage

/// `counted export`: a published round's open data, the same files the public pages offer.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a published round's open data (the files its public page offers) to a directory.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Project address.") var project: String
    @Option(help: "Round number.") var round: Int
    @Option(help: "One of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: String
    @Option(help: "Directory to write into (created if needed).") var out: String

    func run() async throws {
        guard let exportFormat = ExportFormat(rawValue: format) else {
            throw CommandFailure(message: "--format \(format): not a format; use one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let (slug, number) = (project, round)
        let files = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
            let (project, round) = try await projectRound(store, slug: slug, number: number)
            guard let framework = try await store.framework(projectID: project.id)?.framework else {
                throw CommandFailure(PublishingError.noFramework(project: slug))
            }
            do {
                guard let published = try await RoundPublisher(store: store).published(project: project, round: round) else {
                    throw PublishingError.notPublished(project: slug, round: number)
                }
                return exportFormat.files(published, framework: framework)
            } catch let error as PublishingError { throw CommandFailure(error) }
        }
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.content.write(to: url)
            print(url.path)
        }
    }
}
