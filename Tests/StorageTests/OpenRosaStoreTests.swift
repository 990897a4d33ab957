import Accounts
import CountedTestSupport
import Forms
import Foundation
import Testing
@testable import Storage

@Suite("OpenRosa submissions in the store")
struct OpenRosaStoreTests {
    /// A submission of the household form as the server would hand it to the store.
    static func submission(_ xml: Data, form: FormVersionRecord, attachments: [SubmissionAttachment] = [],
                           instanceID: String? = nil) throws -> OpenRosaSubmission {
        let instance = try SubmittedInstance.parse(xml)
        let flattened = InstanceFlattener(form: try #require(form.definition)).flatten(instance)
        return OpenRosaSubmission(form: form, instanceID: instanceID ?? instance.instanceID ?? "none", deprecatedID: instance.deprecatedID,
                                  raw: xml, contentDigest: ContentDigest.sha256(xml), flattened: flattened, attachments: attachments,
                                  submittedBy: nil, appUserID: nil)
    }

    static func photo(_ name: String = HouseholdXForm.photoName) throws -> SubmissionAttachment {
        let data = try HouseholdXForm.photo
        return SubmissionAttachment(name: name, contentType: "image/jpeg", content: data, md5: ContentDigest.md5(data))
    }

    static func household(_ store: Store) async throws -> (ProjectFixture, FormVersionRecord) {
        let fixture = try await ProjectFixture.make(in: store)
        try await HouseholdXForm.publish(in: store, projectID: fixture.project.id,
                                         media: [HouseholdXForm.mediaFile("villages.csv", "name\nKibera\n")])
        let version = try #require(try await store.formVersion(projectID: fixture.project.id, formID: HouseholdXForm.formID,
                                                               version: HouseholdXForm.version))
        return (fixture, version)
    }

    @Test("a form version keeps its XForm, MD5, model and media; forms without an XForm are not published", arguments: TestEngine.allCases)
    func publishedForms(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (fixture, version) = try await Self.household(store)
            #expect(version.definition == HouseholdXForm.definition)
            let published = try await store.publishedForms(projectID: fixture.project.id)
            #expect(published.map(\.formID) == ["household"], "the fixture's CSV form has no XForm and is left out")
            let form = try #require(published.first)
            #expect(form.xform == (try HouseholdXForm.xform))
            #expect(form.xformMD5 == ContentDigest.md5(Data((try HouseholdXForm.xform).utf8)))
            #expect(form.media.map(\.name) == ["villages.csv"])
            let media = try #require(try await store.formMedia(versionID: form.versionID, name: "villages.csv"))
            #expect(media.content == Data("name\nKibera\n".utf8))
            // The same upload again changes nothing; a different XForm under the same version is refused.
            try await HouseholdXForm.publish(in: store, projectID: fixture.project.id)
            await #expect(throws: StorageError.self) {
                try await store.addFormVersion(projectID: fixture.project.id, questionnaire: HouseholdXForm.questionnaire, sourceName: "x",
                                               source: "x", createdBy: nil,
                                               xform: XFormVersion(xform: "<h:html/>", definition: HouseholdXForm.definition))
            }
        }
    }

    @Test("raw XML, typed values, findings and attachments are stored together and read back exactly", arguments: TestEngine.allCases)
    func storesEverything(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (_, version) = try await Self.household(store)
            // Bytes that are not UTF-8 text must come back unchanged too.
            var xml = try HouseholdXForm.submission(replacing: "<village>Kibera</village>", with: "<village>Kibera</village><extra>1</extra>")
            xml.append(contentsOf: [0x0A, 0x20, 0x09])
            let receipt = try await store.storeOpenRosaSubmission(try Self.submission(xml, form: version, attachments: [try Self.photo()]))
            #expect(!receipt.wasAlreadyStored)
            #expect(receipt.attachmentsAdded == 1)
            #expect(try await store.rawSubmissionXML(formPK: version.formPK, instanceID: HouseholdXForm.instanceID) == xml)
            let attachment = try #require(try await store.submissionAttachment(formPK: version.formPK, instanceID: HouseholdXForm.instanceID,
                                                                               name: HouseholdXForm.photoName))
            #expect(attachment.content == (try HouseholdXForm.photo))
            #expect(attachment.contentType == "image/jpeg")

            let record = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID))
            #expect(record.channel == .openrosa)
            #expect(record.formVersion == HouseholdXForm.version)
            #expect(record.contentDigest == ContentDigest.sha256(xml))
            #expect(record.findings.map(\.kind) == [.unknownNode])
            #expect(record.attachments.map(\.size) == [317])
            let expected = InstanceFlattener(form: HouseholdXForm.definition).flatten(try SubmittedInstance.parse(xml)).values
            #expect(record.values == expected)
            let size = try #require(record.values.first { $0.path == "/data/household/size" })
            #expect(size.number == 4)
            let children = record.values.filter { $0.path == "/data/people/child/child_name" }
            #expect(children.map(\.record) == ["/data/people[1]/child[1]", "/data/people[1]/child[2]"])
            // The top-level answers the web-form model knows also feed indicators.
            #expect(try await store.answers(formPK: version.formPK) == [[Answer(field: "village", value: .text("Kibera"))]])
            let childRow = try #require(record.values.first { $0.record == "/data/people[1]/child[2]" && $0.type == .repeat })
            #expect(record.values.first { $0.position == childRow.parentPosition }?.record == "/data/people[1]")
        }
    }

    @Test("a resend is stored once and adds only new attachments; a changed copy is a conflict and changes nothing", arguments: TestEngine.allCases)
    func resendAndConflict(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (_, version) = try await Self.household(store)
            let xml = try HouseholdXForm.submission
            let first = try await store.storeOpenRosaSubmission(try Self.submission(xml, form: version))
            #expect(first.attachmentsAdded == 0)
            let again = try await store.storeOpenRosaSubmission(try Self.submission(xml, form: version, attachments: [try Self.photo(), try Self.photo("extra.jpg")]))
            #expect(again.wasAlreadyStored && again.id == first.id && again.attachmentsAdded == 2)
            let third = try await store.storeOpenRosaSubmission(try Self.submission(xml, form: version, attachments: [try Self.photo()]))
            #expect(third.wasAlreadyStored && third.attachmentsAdded == 0)
            #expect(try await store.submissionCount(formPK: version.formPK) == 1)
            let record = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID))
            #expect(record.attachments.map(\.name) == [HouseholdXForm.photoName, "extra.jpg"].sorted())
            #expect(record.findings.map(\.kind) == [.unexpectedAttachment], "extra.jpg is named by no answer")

            let tampered = try HouseholdXForm.submission(replacing: "<size>4</size>", with: "<size>5</size>")
            await #expect(throws: StorageError.self) {
                try await store.storeOpenRosaSubmission(try Self.submission(tampered, form: version, attachments: [try Self.photo("new.jpg")]))
            }
            #expect(try await store.rawSubmissionXML(formPK: version.formPK, instanceID: HouseholdXForm.instanceID) == xml)
            #expect(try await store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID)?.attachments.count == 2)
        }
    }

    @Test("an edit (deprecatedID) is kept next to the submission it replaces, and points to it", arguments: TestEngine.allCases)
    func edit(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (_, version) = try await Self.household(store)
            _ = try await store.storeOpenRosaSubmission(try Self.submission(try HouseholdXForm.submission, form: version))
            let edited = try HouseholdXForm.submission(
                replacing: "<instanceID>\(HouseholdXForm.instanceID)</instanceID>",
                with: "<instanceID>uuid:edit-1</instanceID><deprecatedID>\(HouseholdXForm.instanceID)</deprecatedID>")
            let receipt = try await store.storeOpenRosaSubmission(try Self.submission(edited, form: version))
            #expect(!receipt.wasAlreadyStored)
            #expect(try await store.submissionCount(formPK: version.formPK) == 2)
            let edit = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:edit-1"))
            #expect(edit.replacesInstanceID == HouseholdXForm.instanceID)
            #expect(edit.deprecatedID == HouseholdXForm.instanceID)
            let original = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID))
            #expect(original.replacedByInstanceID == "uuid:edit-1")
            #expect(try await store.auditLog(projectID: version.projectID).contains { $0.action == "submission.edited" })

            // A second edit of the same original (a stale copy on another phone) is kept, with a finding.
            let stale = try HouseholdXForm.submission(
                replacing: "<instanceID>\(HouseholdXForm.instanceID)</instanceID>",
                with: "<instanceID>uuid:edit-stale</instanceID><deprecatedID>\(HouseholdXForm.instanceID)</deprecatedID>")
            _ = try await store.storeOpenRosaSubmission(try Self.submission(stale, form: version))
            let staleRecord = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:edit-stale"))
            #expect(staleRecord.replacesInstanceID == HouseholdXForm.instanceID)
            #expect(staleRecord.findings.contains { $0.message.contains("uuid:edit-1 had already replaced") })

            // An edit of a submission this server never had is kept, with a finding.
            let orphan = try HouseholdXForm.submission(
                replacing: "<instanceID>\(HouseholdXForm.instanceID)</instanceID>",
                with: "<instanceID>uuid:edit-2</instanceID><deprecatedID>uuid:unknown</deprecatedID>")
            _ = try await store.storeOpenRosaSubmission(try Self.submission(orphan, form: version))
            let kept = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:edit-2"))
            #expect(kept.replacesInstanceID == nil)
            #expect(kept.findings.contains { $0.path == "/meta/deprecatedID" && $0.message.contains("uuid:unknown") })
        }
    }

    @Test("the same submission stored twice at the same moment is stored once, and both calls succeed", arguments: TestEngine.allCases)
    func concurrentResend(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (_, version) = try await Self.household(store)
            let submission = try Self.submission(try HouseholdXForm.submission, form: version, attachments: [try Self.photo()])
            async let first = store.storeOpenRosaSubmission(submission)
            async let second = store.storeOpenRosaSubmission(submission)
            let receipts = try await [first, second]
            #expect(receipts.filter(\.wasAlreadyStored).count == 1)
            #expect(receipts[0].id == receipts[1].id)
            #expect(try await store.submissionCount(formPK: version.formPK) == 1)
            #expect(try await store.submissionRecord(formPK: version.formPK, instanceID: HouseholdXForm.instanceID)?.attachments.count == 1)
        }
    }

    @Test("migration 2 upgrades a database with forms and submissions from before: nothing lost, old versions unpublished",
          arguments: TestEngine.allCases)
    func upgradeFromVersion1(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let old = try await Store.open(database.location, logger: TestDatabase.logger, migrations: [Schema.migrations[0]])
        #expect(try await old.schemaVersion() == 1)
        let organisation = try await old.createOrganisation(slug: try Slug("old-org"), name: "Old")
        let project = try await old.createProject(organisationID: organisation.id, slug: try Slug("old"), name: "Old", isPublic: false)
        let questionnaire = try XLSFormCSV.read(ProjectFixture.formCSV, fileName: "fixture.csv", fallbackFormID: "fixture")
        let definition = try Store.encode(questionnaire)
        try await old.transaction { db in
            try await db.raw("INSERT INTO forms (id, project_id, form_id, created_at) VALUES ('f1', \(bind: project.id), 'fixture', 'then')").run()
            try await db.raw("""
                INSERT INTO form_versions (id, form_pk, position, version, title, definition, source_name, source, created_by, created_at)
                VALUES ('v1', 'f1', 1, '1', 'Fixture', \(bind: definition), 'fixture.csv', 'csv', NULL, 'then')
                """).run()
            try await db.raw("""
                INSERT INTO submissions (id, project_id, form_pk, form_version_id, instance_id, channel, submitted_by, received_at, payload)
                VALUES ('s1', \(bind: project.id), 'f1', 'v1', 'uuid:old', 'api', NULL, 'then', '{"answers": {}}')
                """).run()
        }
        await old.close()

        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        #expect(try await store.schemaVersion() == Schema.latestVersion)
        #expect(try await store.submissionCount(formPK: "f1") == 1)
        #expect(try await store.publishedForms(projectID: project.id).isEmpty)
        let version = try #require(try await store.formVersion(projectID: project.id, formID: "fixture", version: "1"))
        #expect(version.definition == nil)
        #expect(try await store.rawSubmissionXML(formPK: "f1", instanceID: "uuid:old") == nil)
        #expect(try await store.submissionRecord(formPK: "f1", instanceID: "uuid:old")?.values == [])
        // Giving the old version its XForm later publishes it.
        _ = try await store.addFormVersion(projectID: project.id, questionnaire: questionnaire, sourceName: "fixture.csv", source: "csv",
                                           createdBy: nil, xform: XFormVersion(xform: "<h:html/>", definition: HouseholdXForm.definition))
        #expect(try await store.publishedForms(projectID: project.id).map(\.version) == ["1"])
        await store.close()
        await database.remove()
    }

    @Test("app users: the token's digest finds the app user until it is revoked", arguments: TestEngine.allCases)
    func appUsers(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            let token = SecretToken.generate(prefix: "cta_")
            let appUser = try await store.createAppUser(projectID: fixture.project.id, name: "Tablet 3", digest: token.digest, createdBy: nil)
            #expect(try await store.appUser(tokenDigest: token.digest) == appUser)
            #expect(try await store.appUsers(projectID: fixture.project.id).map(\.name) == ["Tablet 3"])
            #expect(try await store.revokeAppUser(projectID: fixture.project.id, id: appUser.id, revokedBy: nil))
            #expect(try await store.appUser(tokenDigest: token.digest) == nil)
            #expect(try await store.revokeAppUser(projectID: fixture.project.id, id: appUser.id, revokedBy: nil) == false)
        }
    }
}
