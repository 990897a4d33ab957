import Foundation
import Accounts
import Forms
import Frameworks
import Storage

/// The demo a newcomer explores after `counted serve --demo`: an organisation; the public
/// barometer (address `demo`) made from the disability barometer kit, with two published rounds
/// (``KitDemoSeed``); and a small public survey (address `work-survey`) with a questionnaire, an
/// indicator and a few hundred synthetic submissions made through the web-form path.
///
/// Seeding is idempotent and resumable: each step looks for what it would create first, and the
/// synthetic submissions have fixed instance IDs, so running it again (even after it was
/// interrupted) stores nothing twice.
public enum DemoSeed {
    /// The barometer.
    public static let projectSlug = KitDemoSeed.projectSlug
    /// The small survey.
    public static let surveySlug = "work-survey"
    public static let organisationSlug = "counted-demo"
    public static let ownerEmail = "demo@counted.example"
    public static let ownerPassword = "counted-demo"
    public static let collectorEmail = "collector@counted.example"
    public static let collectorPassword = "collector-demo"
    public static let submissionCount = 300
    public static let indicatorCode = "WORK-1"

    /// What the console prints after seeding.
    public struct Summary: Sendable {
        /// The small survey, and its submissions.
        public var survey: Project
        public var storedSubmissions: Int
        public var createdAnything: Bool
        /// The barometer, made from its kit, and the submissions of all its rounds.
        public var barometer: Project
        public var barometerSubmissions: Int
    }

    public static func seed(into store: Store, hasher: PasswordHasher) async throws -> Summary {
        var created = false
        let organisation: Organisation
        if let existing = try await store.organisation(slug: organisationSlug) {
            organisation = existing
        } else {
            organisation = try await store.createOrganisation(slug: try Slug(organisationSlug), name: "Counted demo organisation")
            created = true
        }
        let project: Project
        if let existing = try await store.project(slug: surveySlug) {
            project = existing
        } else {
            project = try await store.createProject(
                organisationID: organisation.id, slug: try Slug(surveySlug), name: "Demo: work and disability",
                description: "Synthetic data: a small survey of people with and without disabilities about paid work, "
                    + "collected by a disabled persons' organisation. Nothing here describes real people.",
                isPublic: true)
            created = true
        }
        let owner = try await account(ownerEmail, name: "Demo owner", password: ownerPassword, store: store, hasher: hasher, created: &created)
        let collector = try await account(collectorEmail, name: "Demo collector", password: collectorPassword, store: store, hasher: hasher, created: &created)
        if try await store.role(userID: owner.id, projectID: project.id) == nil {
            try await store.setRole(.owner, userID: owner.id, projectID: project.id)
        }
        if try await store.role(userID: collector.id, projectID: project.id) == nil {
            try await store.setRole(.collector, userID: collector.id, projectID: project.id)
        }

        // Read as any upload is, so the demo form is also ready for ODK Collect.
        let (definition, xform) = try XLSFormFile.convert(Data(DemoQuestionnaire.csv.utf8), fileName: DemoQuestionnaire.fileName,
                                                          fallbackFormID: "work_and_disability")
        let questionnaire = Questionnaire(form: definition, fallbackFormID: "work_and_disability")
        let form = try await store.addFormVersion(projectID: project.id, questionnaire: questionnaire, sourceName: DemoQuestionnaire.fileName,
                                                  source: DemoQuestionnaire.csv, createdBy: owner.id,
                                                  xform: XFormVersion(xform: xform, definition: definition))
        let indicator = DemoQuestionnaire.indicator
        if try await store.indicators(projectID: project.id).contains(where: { $0.code == indicator.code }) == false {
            try indicator.validate(against: questionnaire)
            try await store.saveIndicator(indicator, projectID: project.id, actorID: owner.id)
            created = true
        }

        let already = try await store.submissionCount(formPK: form.id)
        if already < submissionCount {
            var generator = SyntheticRespondents(seed: 20_261_122)
            for index in 0..<submissionCount {
                let answers = generator.next()
                let payload = SubmissionPayload(instanceID: String(format: "uuid:demo-%04d", index), answers: answers)
                let receipt = try await store.storeSubmission(form: form, payload: payload, raw: "{\"synthetic\":true}",
                                                              channel: .demo, submittedBy: collector.id)
                if !receipt.isDuplicate { created = true }
            }
        }
        let barometer = try await KitDemoSeed.seed(into: store, organisationID: organisation.id, ownerID: owner.id)
        if barometer.created { created = true }
        return Summary(survey: project, storedSubmissions: try await store.submissionCount(formPK: form.id), createdAnything: created,
                       barometer: barometer.project, barometerSubmissions: barometer.submissions)
    }

    private static func account(_ email: String, name: String, password: String, store: Store, hasher: PasswordHasher,
                                created: inout Bool) async throws -> User {
        let address = try EmailAddress(email)
        if let user = try await store.user(email: address) { return user }
        created = true
        return try await store.createUser(email: address, name: name, passwordHash: try hasher.hash(password), isAdministrator: false)
    }
}
