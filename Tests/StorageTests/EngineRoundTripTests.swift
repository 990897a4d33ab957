import Accounts
import CountedTestSupport
import Demo
import Forms
import Frameworks
import Testing
@testable import Storage

/// The same project through both engines must come back the same: questionnaire, every
/// submission's answers, and the indicator computed from them.
@Suite("SQLite and PostgreSQL hold the same project identically")
struct EngineRoundTripTests {
    struct Snapshot: Equatable {
        var project: Project
        var questionnaire: Questionnaire
        var source: String?
        var indicators: [ProportionIndicator]
        var submissions: [[Answer]]
        var instanceIDs: [String]
        var results: [IndicatorResult]
    }

    static func snapshot(_ store: Store) async throws -> Snapshot {
        let project = try #require(try await store.project(slug: DemoSeed.surveySlug))
        let form = try #require(try await store.forms(projectID: project.id).first)
        let indicators = try await store.indicators(projectID: project.id)
        let answers = try await store.answers(formPK: form.id)
        let stored = try await store.submissions(formPK: form.id, limit: 10_000)
        var normalised = project
        normalised.id = ""
        normalised.organisationID = ""
        return Snapshot(
            project: normalised, questionnaire: form.questionnaire, source: try await store.formSource(versionID: form.versionID),
            indicators: indicators, submissions: answers, instanceIDs: stored.map(\.instanceID),
            results: indicators.map { $0.compute(submissions: answers, questionnaire: form.questionnaire) })
    }

    @Test("the demo project round-trips identically through SQLite and PostgreSQL")
    func demoProjectIsIdentical() async throws {
        let hasher = PasswordHasher(cost: 4)
        let sqlite = try await TestDatabase.withStore(.sqlite) { store in
            _ = try await DemoSeed.seed(into: store, hasher: hasher)
            return try await Self.snapshot(store)
        }
        let postgres = try await TestDatabase.withStore(.postgres) { store in
            _ = try await DemoSeed.seed(into: store, hasher: hasher)
            return try await Self.snapshot(store)
        }
        #expect(sqlite.submissions.count == DemoSeed.submissionCount)
        #expect(sqlite.results.first?.rows.first?.total == DemoSeed.submissionCount)
        #expect(sqlite == postgres)
    }

    @Test("seeding the demo twice stores nothing twice", arguments: TestEngine.allCases)
    func demoSeedIsIdempotent(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let hasher = PasswordHasher(cost: 4)
            let first = try await DemoSeed.seed(into: store, hasher: hasher)
            let before = try await Self.snapshot(store)
            let second = try await DemoSeed.seed(into: store, hasher: hasher)
            #expect(first.createdAnything)
            #expect(!second.createdAnything)
            #expect(second.storedSubmissions == DemoSeed.submissionCount)
            #expect(try await Self.snapshot(store) == before)
        }
    }
}
