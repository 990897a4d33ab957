import Accounts
import ArgumentParser
import Foundation
import Publishing
import Storage

/// `counted round ...`: a project's rounds (waves of collection), and the act of publishing one.
struct RoundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Add and list a project's rounds; publish a round or withdraw it.",
        subcommands: [Add.self, List.self, Publish.self, Unpublish.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the project's next round: the submissions received in a window, reported for a period.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Option(help: "Reference period results are reported for, e.g. 2025.") var period: String
        @Option(help: "First day of the window (YYYY-MM-DD, UTC), included.") var from: String
        @Option(help: "Day after the window (YYYY-MM-DD, UTC): submissions received before it belong to the round.") var until: String
        @Option(help: "A name for the round; 'Round N' if left out.") var label: String = ""

        func run() async throws {
            let (start, end) = (try day(from, option: "--from"), try day(until, option: "--until"))
            let slug = project
            let round = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                do {
                    return try await store.createRound(projectID: project.id, label: label, period: period, receivedFrom: start, receivedUntil: end, actorID: nil)
                } catch let error as StorageError { throw CommandFailure(error) }
            }
            print("Round \(round.number) (\(round.label), period \(round.period)) added to \(slug).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the project's rounds and whether each is published.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String

        func run() async throws {
            let slug = project
            let rounds = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                return try await store.rounds(projectID: project.id)
            }
            if rounds.isEmpty { print("\(slug) has no rounds yet. Add one with `counted round add --project \(slug) ...`.") }
            for round in rounds {
                let state = round.publication.map { "published " + $0.publishedAt.formatted(.iso8601)
                    + ($0.embargoUntil.map { ", embargoed until " + $0.formatted(.iso8601) } ?? "") } ?? "not published"
                print("\(round.number)\t\(round.label)\t\(round.period)\t\(round.receivedFrom.formatted(.iso8601)) – \(round.receivedUntil.formatted(.iso8601))\t\(state)")
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute a round, apply disclosure control and publish it (again, if it was published).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Option(help: "Round number.") var round: Int
        @Option(help: "Keep it from the public until this day (YYYY-MM-DD, UTC).") var embargoUntil: String?

        func run() async throws {
            let embargo = try embargoUntil.map { try day($0, option: "--embargo-until") }
            let (slug, number) = (project, round)
            let published = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                let (project, round) = try await projectRound(store, slug: slug, number: number)
                do {
                    return try await RoundPublisher(store: store).publish(project: project, round: round, embargoUntil: embargo, actorID: nil)
                } catch let error as PublishingError { throw CommandFailure(error) }
            }
            let values = published.indicators.flatMap(\.values)
            print("Published round \(number) of \(slug): \(published.indicators.count) indicators, \(values.count) values, "
                + "\(values.filter(\.isSuppressed).count) suppressed by disclosure control."
                + (embargo.map { " Embargoed until \($0.formatted(.iso8601))." } ?? ""))
        }
    }

    struct Unpublish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a published round from the public.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Option(help: "Round number.") var round: Int

        func run() async throws {
            let (slug, number) = (project, round)
            try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                let (_, round) = try await projectRound(store, slug: slug, number: number)
                guard round.publication != nil else { throw CommandFailure(message: "Round \(number) of \(slug) is not published.") }
                try await store.unpublish(round, actorID: nil)
            }
            print("Round \(number) of \(slug) is no longer published.")
        }
    }
}

/// The project and round a command names, or a failure saying which is missing.
func projectRound(_ store: Store, slug: String, number: Int) async throws -> (Project, Round) {
    guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
    guard let round = try await store.round(projectID: project.id, number: number) else {
        throw CommandFailure(PublishingError.noSuchRound(project: slug, round: number))
    }
    return (project, round)
}

/// A day (YYYY-MM-DD) as its first moment in UTC, or a full ISO 8601 time.
func day(_ text: String, option: String) throws -> Date {
    if let date = try? Date.ISO8601FormatStyle().year().month().day().parse(text) { return date }
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    throw CommandFailure(message: "\(option) \(text): not a day such as 2025-03-01.")
}
