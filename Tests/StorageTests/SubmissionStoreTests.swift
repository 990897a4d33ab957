import Accounts
import CountedTestSupport
import Forms
import Foundation
import Testing
@testable import Storage

@Suite("Forms and submissions in the store")
struct SubmissionStoreTests {
    static func payload(_ index: Int, instance: String? = nil) -> SubmissionPayload {
        SubmissionPayload(instanceID: instance, answers: [
            Answer(field: "sex", value: .choice(index % 2 == 0 ? "female" : "male")),
            Answer(field: "age", value: .integer(20 + index)),
            Answer(field: "disability", value: .choice(index % 3 == 0 ? "yes" : "no")),
            Answer(field: "comment", value: .text("note \(index) — with “quotes”, ünïcode and 'apostrophes'")),
        ])
    }

    @Test("typed answers come back exactly as stored, oldest first, page by page", arguments: TestEngine.allCases)
    func answersRoundTrip(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            var sent: [[Answer]] = []
            for index in 0..<7 {
                let payload = Self.payload(index)
                sent.append(payload.answers)
                let receipt = try await store.storeSubmission(form: fixture.form, payload: payload, raw: "{}", channel: .api,
                                                              submittedBy: fixture.member(.collector).id)
                #expect(!receipt.isDuplicate)
                #expect(receipt.instanceID.hasPrefix("uuid:"))
            }
            #expect(try await store.submissionCount(formPK: fixture.form.id) == 7)
            #expect(try await store.answers(formPK: fixture.form.id) == sent)
            let firstPage = try await store.submissions(formPK: fixture.form.id, limit: 5, offset: 0)
            let secondPage = try await store.submissions(formPK: fixture.form.id, limit: 5, offset: 5)
            #expect(firstPage.count == 5)
            #expect(secondPage.count == 2)
            #expect((firstPage + secondPage).map(\.answers) == sent)
            #expect(firstPage.allSatisfy { $0.formVersion == "1" && $0.channel == .api })
        }
    }

    @Test("a submission whose answers are all skipped is still listed, in order", arguments: TestEngine.allCases)
    func emptySubmission(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            let form = fixture.form
            _ = try await store.storeSubmission(form: form, payload: Self.payload(1), raw: "{}", channel: .api, submittedBy: nil)
            _ = try await store.storeSubmission(form: form, payload: SubmissionPayload(instanceID: "uuid:empty", answers: []), raw: "{}", channel: .api, submittedBy: nil)
            _ = try await store.storeSubmission(form: form, payload: Self.payload(2), raw: "{}", channel: .api, submittedBy: nil)
            #expect(try await store.answers(formPK: form.id) == [Self.payload(1).answers, [], Self.payload(2).answers])
            #expect(try await store.submissions(formPK: form.id, limit: 1, offset: 1).map(\.instanceID) == ["uuid:empty"])
        }
    }

    @Test("a resent instance ID is stored once", arguments: TestEngine.allCases)
    func duplicateInstance(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            let first = try await store.storeSubmission(form: fixture.form, payload: Self.payload(1, instance: "uuid:abc"), raw: "{}", channel: .api, submittedBy: nil)
            let again = try await store.storeSubmission(form: fixture.form, payload: Self.payload(2, instance: "uuid:abc"), raw: "{}", channel: .api, submittedBy: nil)
            #expect(!first.isDuplicate)
            #expect(again.isDuplicate)
            #expect(again.id == first.id)
            #expect(try await store.submissionCount(formPK: fixture.form.id) == 1)
            #expect(try await store.answers(formPK: fixture.form.id) == [Self.payload(1).answers])
        }
    }

    @Test("many submissions at once are all kept", arguments: TestEngine.allCases)
    func concurrentSubmissions(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            let form = fixture.form
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        _ = try await store.storeSubmission(form: form, payload: Self.payload(index), raw: "{}", channel: .api, submittedBy: nil)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.submissionCount(formPK: form.id) == 40)
            let ages = try await store.answers(formPK: form.id).compactMap { answers in
                answers.first { $0.field == "age" }.flatMap { if case .integer(let n) = $0.value { n } else { nil } }
            }
            #expect(Set(ages) == Set((0..<40).map { 20 + $0 }))
        }
    }

    @Test("form versions: same upload is a no-op, reused version is refused, new version keeps old submissions", arguments: TestEngine.allCases)
    func formVersions(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            _ = try await store.storeSubmission(form: fixture.form, payload: Self.payload(1), raw: "{}", channel: .api, submittedBy: nil)

            let again = try await store.addFormVersion(projectID: fixture.project.id, questionnaire: fixture.form.questionnaire,
                                                       sourceName: "fixture.csv", source: ProjectFixture.formCSV, createdBy: nil)
            #expect(again.versionID == fixture.form.versionID)

            var changed = fixture.form.questionnaire
            changed.title = "Changed title"
            await #expect(throws: StorageError.self) {
                _ = try await store.addFormVersion(projectID: fixture.project.id, questionnaire: changed, sourceName: "x.csv", source: "", createdBy: nil)
            }
            #expect(try await store.form(projectID: fixture.project.id, formID: "fixture")?.questionnaire.title == "Fixture survey")

            changed.version = "2"
            let second = try await store.addFormVersion(projectID: fixture.project.id, questionnaire: changed, sourceName: "x.csv", source: "", createdBy: nil)
            #expect(second.id == fixture.form.id)
            #expect(second.versionID != fixture.form.versionID)
            let current = try #require(try await store.form(projectID: fixture.project.id, formID: "fixture"))
            #expect(current.questionnaire.version == "2")
            _ = try await store.storeSubmission(form: current, payload: Self.payload(2), raw: "{}", channel: .web, submittedBy: nil)
            let versions = try await store.submissions(formPK: current.id).map(\.formVersion)
            #expect(versions == ["1", "2"])
            #expect(try await store.forms(projectID: fixture.project.id).map(\.questionnaire.version) == ["2"])
            #expect(try await store.formSource(versionID: fixture.form.versionID) == ProjectFixture.formCSV)
        }
    }
}
