import Accounts
import CountedTestSupport
import Foundation
import Testing
@testable import Storage

@Suite("Accounts, projects and roles in the store")
struct AccountStoreTests {
    @Test("organisations, projects, users, roles and tokens round-trip", arguments: TestEngine.allCases)
    func roundTrip(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            #expect(try await store.project(slug: "fixture") == fixture.project)
            #expect(try await store.organisation(slug: "fixture-org") == fixture.organisation)
            for role in Role.allCases {
                #expect(try await store.role(userID: fixture.member(role).id, projectID: fixture.project.id) == role)
            }
            #expect(try await store.role(userID: fixture.outsider.id, projectID: fixture.project.id) == nil)
            #expect(try await store.members(projectID: fixture.project.id).count == Role.allCases.count)

            // A role can change; it is never doubled.
            try await store.setRole(.analyst, userID: fixture.member(.viewer).id, projectID: fixture.project.id)
            #expect(try await store.role(userID: fixture.member(.viewer).id, projectID: fixture.project.id) == .analyst)
            #expect(try await store.members(projectID: fixture.project.id).count == Role.allCases.count)

            let credentials = try #require(try await store.credentials(email: try EmailAddress("OWNER@fixture.example ")))
            #expect(credentials.user == fixture.member(.owner))
            #expect(PasswordHasher(cost: 4).verify(ProjectFixture.password, against: credentials.passwordHash))

            let token = SecretToken.generate(prefix: "ctd_")
            try await store.addAPIToken(userID: fixture.member(.collector).id, name: "phone", digest: token.digest)
            #expect(try await store.user(apiTokenDigest: token.digest) == fixture.member(.collector))
            #expect(try await store.user(apiTokenDigest: SecretToken.digest(of: token.value + "x")) == nil)

            let mine = try await store.projects(of: fixture.member(.analyst))
            #expect(mine.map(\.project.slug) == ["fixture"])
            #expect(try await store.projects(of: fixture.outsider).isEmpty)
            #expect(try await store.projects(of: fixture.administrator).count == 1)
        }
    }

    @Test("duplicates are refused and change nothing", arguments: TestEngine.allCases)
    func duplicatesRefused(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let fixture = try await ProjectFixture.make(in: store)
            await #expect(throws: StorageError.self) {
                _ = try await store.createUser(email: try EmailAddress("owner@fixture.example"), name: "Again", passwordHash: "x", isAdministrator: true)
            }
            #expect(try await store.user(email: try EmailAddress("owner@fixture.example"))?.isAdministrator == false)
            await #expect(throws: StorageError.self) {
                _ = try await store.createProject(organisationID: fixture.organisation.id, slug: try Slug("fixture"), name: "Again", isPublic: false)
            }
            #expect(try await store.project(slug: "fixture")?.name == fixture.project.name)
        }
    }

    @Test("expiring values: created once, kept until they expire", arguments: TestEngine.allCases)
    func keyValues(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            try await store.createValue(Data("one".utf8), key: "k", expiresAt: Date().addingTimeInterval(3600))
            await #expect(throws: StorageError.self) { try await store.createValue(Data("two".utf8), key: "k", expiresAt: nil) }
            let expiry = try #require(try await store.value(key: "k")?.expiresAt)
            try await store.setValue(Data("three".utf8), key: "k", expiresAt: nil)
            let kept = try #require(try await store.value(key: "k"))
            #expect(String(decoding: kept.value, as: UTF8.self) == "three")
            #expect(abs((kept.expiresAt ?? .distantPast).timeIntervalSince(expiry)) < 0.01)

            try await store.setValue(Data("old".utf8), key: "gone", expiresAt: Date().addingTimeInterval(-1))
            #expect(try await store.value(key: "gone") == nil)
            #expect(try await store.removeExpiredValues() == 1)
            try await store.removeValue(key: "k")
            #expect(try await store.value(key: "k") == nil)
        }
    }
}
