import Accounts
import CountedTestSupport
import Forms
import Foundation
import Frameworks
import Kits
import Testing
@testable import Storage

@Suite("Frameworks, kits and reference values in the store")
struct FrameworkStoreTests {
    static func kitProject(_ store: Store, kit name: String = "disability-barometer") async throws -> (Project, Kit) {
        let kit = try KitLibrary.load(name)
        let organisation = try await store.createOrganisation(slug: try Slug("kit-org"), name: "Kit organisation")
        let project = try await store.createProject(fromKit: kit, organisationID: organisation.id, slug: try Slug("from-kit"),
                                                    name: "From a kit", isPublic: false, ownerID: nil)
        return (project, kit)
    }

    @Test("a project from a kit has the kit's questionnaires, ready for ODK Collect, and its framework as written", arguments: TestEngine.allCases)
    func projectFromKit(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (project, kit) = try await Self.kitProject(store)
            let published = try await store.publishedForms(projectID: project.id)
            #expect(Set(published.map(\.formID)) == Set(kit.framework.questionnaires.map(\.form)))
            let stored = try #require(try await store.framework(projectID: project.id))
            #expect(stored.framework == kit.framework)
            #expect(stored.source == kit.frameworkSource)
            #expect(stored.kit == kit.name)
            #expect(stored.fileName == "framework.yaml")
        }
    }

    @Test("submissions stored through OpenRosa give the framework the same rows and the same estimates", arguments: TestEngine.allCases)
    func computedFromStoredSubmissions(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (project, kit) = try await Self.kitProject(store)
            let model = try #require(kit.synthetic)
            let synthetic = SyntheticGenerator.generate(model, sizeScale: 0.06)
            var stored = 0
            for questionnaire in kit.framework.questionnaires {
                let versionName = try #require(kit.questionnaires.first { $0.entry.form == questionnaire.form }?.form.settings.version)
                let version = try #require(try await store.formVersion(projectID: project.id, formID: questionnaire.form, version: versionName))
                for (index, answers) in (synthetic[questionnaire.form] ?? []).enumerated() {
                    let submission = try #require(try OpenRosaSubmission(
                        form: version, answers: answers, instanceID: "uuid:\(questionnaire.form)-\(index)", submittedBy: nil))
                    _ = try await store.storeOpenRosaSubmission(submission)
                    stored += 1
                }
            }
            #expect(stored > 200)
            var rows: [String: [[String: String]]] = [:]
            for questionnaire in kit.framework.questionnaires {
                let read = try await store.answerRows(projectID: project.id, formID: questionnaire.form)
                rows[questionnaire.form] = read.map { $0.filter { !$0.value.isEmpty } }
                let written = synthetic[questionnaire.form] ?? []
                #expect(rows[questionnaire.form]?.count == written.count)
                let differing = zip(rows[questionnaire.form] ?? [], written).first { $0 != $1 }
                #expect(differing == nil, "\(questionnaire.form): every answer reads back as written; first difference: \(String(describing: differing))")
            }
            let fromStore = await FrameworkComputation.compute(kit.framework, submissions: rows)
            let direct = await FrameworkComputation.compute(kit.framework, submissions: synthetic)
            #expect(fromStore.outcomes.map(\.code) == direct.outcomes.map(\.code))
            for (stored, drawn) in zip(fromStore.outcomes, direct.outcomes) {
                // Compared as text: a median's open interval limit may be NaN, which is never equal to itself.
                #expect(String(describing: stored) == String(describing: drawn), "\(stored.code) is the same from the store as from the drawn rows")
            }
            #expect(fromStore.outcomes.contains { !$0.values.isEmpty })
        }
    }

    @Test("a round reads the submissions received in its window; an edit stands for the submission it replaces", arguments: TestEngine.allCases)
    func roundWindowsAndEdits(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (project, kit) = try await Self.kitProject(store)
            let questionnaire = try #require(kit.questionnaires.first { $0.entry.form == "db_survey" })
            let versionName = try #require(questionnaire.form.settings.version)
            let version = try #require(try await store.formVersion(projectID: project.id, formID: "db_survey", version: versionName))
            let day = { (text: String) in try Date.ISO8601FormatStyle().year().month().day().parse(text) }
            func submit(_ instanceID: String, sex: String, on date: String, replacing: String? = nil) async throws {
                var submission = try #require(try OpenRosaSubmission(form: version, answers: ["sex": sex], instanceID: instanceID, submittedBy: nil))
                submission.receivedAt = try day(date)
                submission.deprecatedID = replacing
                _ = try await store.storeOpenRosaSubmission(submission)
            }
            try await submit("uuid:early", sex: "F", on: "2024-02-01")
            try await submit("uuid:first", sex: "F", on: "2024-04-01")
            try await submit("uuid:first-edited", sex: "M", on: "2024-04-02", replacing: "uuid:first")
            try await submit("uuid:later", sex: "F", on: "2024-09-01")
            let round = try await store.createRound(projectID: project.id, label: "", period: "2024", receivedFrom: try day("2024-03-01"),
                                                    receivedUntil: try day("2024-09-01"), actorID: nil)
            let inRound = try await store.answerRows(projectID: project.id, formID: "db_survey", round: round)
            #expect(inRound.map { $0["sex"] } == ["M"], "only the edit, and not what it replaced or what came before or after the window")
            #expect(try await store.answerRows(projectID: project.id, formID: "db_survey").map { $0["sex"] } == ["F", "M", "F"])
        }
    }

    @Test("reference values are stored, replaced by a corrected import, and read back", arguments: TestEngine.allCases)
    func referenceValues(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (project, kit) = try await Self.kitProject(store)
            let indicator = try #require(kit.framework.indicators.first { if case .proportion = $0.computation.measure { true } else { false } })
            let first = [
                ReferenceValue(indicator: indicator.code, period: "2024", levels: [:], value: 0.5, standardError: 0.01, source: "Census"),
                ReferenceValue(indicator: indicator.code, period: "2024", levels: ["DISABILITY_STATUS": "PD", "SEX": "F"], value: 0.3,
                               standardError: nil, source: "Census"),
            ]
            try await store.saveReferenceValues(first, projectID: project.id, actorID: nil)
            try await store.saveReferenceValues([
                ReferenceValue(indicator: indicator.code, period: "2024", levels: [:], value: 0.52, standardError: 0.01, source: "Census (revised)"),
            ], projectID: project.id, actorID: nil)
            let read = try await store.referenceValues(projectID: project.id)
            #expect(read.count == 2)
            #expect(read.contains { $0.levels.isEmpty && $0.value == 0.52 && $0.source == "Census (revised)" })
            #expect(read.contains { $0.levels == ["DISABILITY_STATUS": "PD", "SEX": "F"] && $0.value == 0.3 && $0.standardError == nil })
        }
    }
}
