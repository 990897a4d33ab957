import Accounts
import Forms
import Foundation
import Frameworks
import Kits
import Publishing
import Storage

/// The demo barometer (address `demo`): the disability barometer kit with two rounds of
/// synthetic submissions, a tenth of the kit's synthetic population each, stored the way ODK
/// Collect submits and published, so a newcomer sees a public barometer with trends, downloads
/// and the framework behind it.
///
/// Idempotent like ``DemoSeed``: the project and rounds are created once, the submissions have
/// fixed instance IDs, and a round already published is left as it is.
public enum KitDemoSeed {
    public static let projectSlug = "demo"
    public static let kitName = "disability-barometer"
    /// The share of the kit's synthetic population submitted in each round.
    static let sampleScale = 0.1

    /// The two waves: label, period, and the window the submissions were received in.
    static let rounds: [(label: String, period: String, from: String, until: String)] = [
        ("First barometer", "2024", "2024-03-01T00:00:00.000Z", "2024-07-01T00:00:00.000Z"),
        ("Second barometer", "2026", "2026-03-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"),
    ]

    /// - Returns: the project, how many submissions its forms hold, and whether anything was added.
    public static func seed(into store: Store, organisationID: String, ownerID: String) async throws -> (project: Project, submissions: Int, created: Bool) {
        let kit = try KitLibrary.load(kitName)
        var created = false
        let project: Project
        if let existing = try await store.project(slug: projectSlug) {
            project = existing
        } else {
            project = try await store.createProject(fromKit: kit, organisationID: organisationID, slug: try Slug(projectSlug),
                                                    name: "Demo: disability barometer", isPublic: true, ownerID: ownerID)
            created = true
        }
        var total = 0
        for (offset, wave) in rounds.enumerated() {
            let number = offset + 1
            let round: Round
            if let existing = try await store.round(projectID: project.id, number: number) {
                round = existing
            } else {
                let times = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
                let (from, until) = (try times.parse(wave.from), try times.parse(wave.until))
                round = try await store.createRound(projectID: project.id, label: wave.label, period: wave.period,
                                                    receivedFrom: from, receivedUntil: until, actorID: ownerID)
                created = true
            }
            let stored = try await submit(store: store, kit: kit, project: project, round: round, seedOffset: UInt64(offset), ownerID: ownerID)
            total += stored.count
            if stored.added { created = true }
            if round.publication == nil {
                try await RoundPublisher(store: store).publish(project: project, round: round, actorID: ownerID)
                created = true
            }
        }
        return (project, total, created)
    }

    /// One round's synthetic submissions, received at moments spread over its window.
    private static func submit(store: Store, kit: Kit, project: Project, round: Round, seedOffset: UInt64, ownerID: String) async throws -> (count: Int, added: Bool) {
        guard var model = kit.synthetic else { return (0, false) }
        model.seed &+= seedOffset
        let population = SyntheticGenerator.generate(model, sizeScale: sampleScale)
        let window = round.receivedUntil.timeIntervalSince(round.receivedFrom)
        var (count, added) = (0, false)
        for questionnaire in kit.questionnaires {
            guard let version = questionnaire.form.settings.version,
                  let record = try await store.formVersion(projectID: project.id, formID: questionnaire.entry.form, version: version)
            else { continue }
            let rows = population[questionnaire.entry.form] ?? []
            for (index, answers) in rows.enumerated() {
                let instanceID = String(format: "uuid:demo-r%d-%@-%05d", round.number, questionnaire.entry.form, index)
                guard var submission = try OpenRosaSubmission(form: record, answers: answers, instanceID: instanceID, submittedBy: ownerID)
                else { break }
                submission.receivedAt = round.receivedFrom.addingTimeInterval(window * (Double(index) + 0.5) / Double(max(rows.count, 1)))
                let receipt = try await store.storeOpenRosaSubmission(submission)
                if !receipt.wasAlreadyStored { added = true }
                count += 1
            }
        }
        return (count, added)
    }
}
