import Accounts
import Demo
import CountedTestSupport
import Foundation
import Frameworks
import Kits
import Publishing
import Storage
import Testing

/// Rounds and the act of publishing, on a real SQLite file and a real PostgreSQL server.
@Suite("Rounds and publications")
struct RoundStoreTests {
    static func day(_ text: String) -> Date {
        (try? Date.ISO8601FormatStyle().year().month().day().parse(text)) ?? Date.distantPast
    }

    @Test("rounds number themselves, refuse overlapping windows, and publishing is recorded", arguments: TestEngine.allCases)
    func roundsAndPublishing(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            let first = try await store.createRound(projectID: fixture.project.id, label: "", period: "2024",
                                                    receivedFrom: Self.day("2024-01-01"), receivedUntil: Self.day("2025-01-01"), actorID: nil)
            #expect(first.number == 1)
            #expect(first.label == "Round 1")
            await #expect(throws: StorageError.self) {
                try await store.createRound(projectID: fixture.project.id, label: "x", period: "2024",
                                            receivedFrom: Self.day("2024-06-01"), receivedUntil: Self.day("2025-06-01"), actorID: nil)
            }
            await #expect(throws: StorageError.self) {
                try await store.createRound(projectID: fixture.project.id, label: "x", period: "2026",
                                            receivedFrom: Self.day("2026-06-01"), receivedUntil: Self.day("2026-01-01"), actorID: nil)
            }
            let second = try await store.createRound(projectID: fixture.project.id, label: "Wave two", period: "2026",
                                                     receivedFrom: Self.day("2026-01-01"), receivedUntil: Self.day("2027-01-01"), actorID: nil)
            #expect(second.number == 2)
            #expect(try await store.rounds(projectID: fixture.project.id).map(\.number) == [1, 2])

            let embargo = Self.day("2030-01-01")
            try await store.publish(second, results: Data("{\"x\":1}".utf8), embargoUntil: embargo, actorID: nil)
            let published = try #require(try await store.round(projectID: fixture.project.id, number: 2))
            #expect(published.publication?.embargoUntil == embargo)
            #expect(published.isPublic(at: Self.day("2029-12-31")) == false)
            #expect(published.isPublic(at: Self.day("2030-01-02")))
            #expect(try await store.publishedResults(roundID: second.id) == Data("{\"x\":1}".utf8))
            try await store.unpublish(published, actorID: nil)
            #expect(try await store.round(projectID: fixture.project.id, number: 2)?.publication == nil)
            #expect(try await store.publishedResults(roundID: second.id) == nil)
            let actions = try await store.auditLog(projectID: fixture.project.id).map(\.action)
            #expect(actions.filter { $0.hasPrefix("round.") } == ["round.unpublished", "round.published", "round.created", "round.created"])
        }
    }

    @Test("the demo barometer has two published rounds whose results come from their own submissions", arguments: TestEngine.allCases)
    func demoRounds(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            _ = try await DemoSeed.seed(into: store, hasher: PasswordHasher(cost: 4))
            let project = try #require(try await store.project(slug: "demo"))
            let rounds = try await store.rounds(projectID: project.id)
            #expect(rounds.map(\.period) == ["2024", "2026"])
            #expect(rounds.allSatisfy { $0.isPublic() })
            let publisher = RoundPublisher(store: store)
            var totals: [Int] = []
            for round in rounds {
                let published = try #require(try await publisher.published(project: project, round: round))
                #expect(published.period == round.period)
                #expect(published.indicators.count == 24)
                // Each round holds its own submissions only: the survey's rows in the window.
                let rows = try await store.answerRows(projectID: project.id, formID: "db_survey", round: round)
                #expect(published.submissions["db_survey"] == rows.count)
                totals.append(rows.count)
                // What is stored is what computing again gives.
                #expect(try await publisher.results(project: project, round: round).indicators == published.indicators)
            }
            #expect(totals.allSatisfy { $0 > 300 })
            #expect(try await store.answerRows(projectID: project.id, formID: "db_survey").count == totals.reduce(0, +))
        }
    }
}
