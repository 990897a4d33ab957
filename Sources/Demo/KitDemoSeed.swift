import Accounts
import Forms
import Foundation
import Frameworks
import Kits
import Storage

/// The second demo project: the disability barometer kit (address `barometer`), with a tenth of
/// its synthetic population submitted the way ODK Collect submits, so a newcomer can browse a
/// whole framework and compute it (`counted framework compute --project barometer`).
///
/// Idempotent like ``DemoSeed``: the project is created once, and the submissions have fixed
/// instance IDs, so seeding again stores nothing twice.
public enum KitDemoSeed {
    public static let projectSlug = "barometer"
    public static let kitName = "disability-barometer"
    /// The share of the kit's synthetic population submitted.
    static let sampleScale = 0.1

    /// - Returns: the project and how many submissions its forms hold.
    public static func seed(into store: Store, organisationID: String, ownerID: String) async throws -> (project: Project, submissions: Int) {
        let kit = try KitLibrary.load(kitName)
        let project: Project
        if let existing = try await store.project(slug: projectSlug) {
            project = existing
        } else {
            project = try await store.createProject(fromKit: kit, organisationID: organisationID, slug: try Slug(projectSlug),
                                                    name: "Demo: disability barometer", isPublic: true, ownerID: ownerID)
        }
        guard let model = kit.synthetic else { return (project, 0) }
        let population = SyntheticGenerator.generate(model, sizeScale: sampleScale)
        var total = 0
        for questionnaire in kit.questionnaires {
            guard let version = questionnaire.form.settings.version,
                  let record = try await store.formVersion(projectID: project.id, formID: questionnaire.entry.form, version: version)
            else { continue }
            for (index, answers) in (population[questionnaire.entry.form] ?? []).enumerated() {
                let instanceID = String(format: "uuid:barometer-%@-%05d", questionnaire.entry.form, index)
                guard let submission = try OpenRosaSubmission(form: record, answers: answers, instanceID: instanceID, submittedBy: ownerID)
                else { break }
                _ = try await store.storeOpenRosaSubmission(submission)
                total += 1
            }
        }
        return (project, total)
    }
}
