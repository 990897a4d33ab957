import Accounts
import Testing

@Suite("Roles, passwords and tokens")
struct RoleTests {
    @Test("only the roles that need respondents' answers may read them")
    func readSubmissions() {
        let readers = Role.allCases.filter { $0.allows(.readSubmissions) }
        #expect(Set(readers) == [.owner, .manager, .analyst, .reviewer])
        #expect(Set(Role.allCases.filter { $0.allows(.submit) }) == [.owner, .manager, .collector])
        #expect(Role.allCases.allSatisfy { $0.allows(.viewProject) })
        #expect(Set(Role.allCases.filter { $0.allows(.manageMembers) }) == [.owner, .manager])
    }

    @Test("access: anonymous visitors see public results only; administrators may do anything")
    func access() {
        #expect(Access.anonymous(projectIsPublic: true).canSeeResults)
        #expect(!Access.anonymous(projectIsPublic: false).canSeeResults)
        #expect(!Access.anonymous(projectIsPublic: true).allows(.viewProject))
        #expect(Access(role: nil, isAdministrator: true, projectIsPublic: false).allows(.readSubmissions))
        #expect(Access(role: .viewer, isAdministrator: false, projectIsPublic: false).canSeeResults)
    }

    @Test("passwords: bcrypt, verified, too short refused")
    func passwords() throws {
        let hasher = PasswordHasher(cost: 4)
        let hash = try hasher.hash("correct horse")
        #expect(hash.hasPrefix("$2"))
        #expect(hasher.verify("correct horse", against: hash))
        #expect(!hasher.verify("correct horsE", against: hash))
        #expect(throws: PasswordError.tooShort(minimum: 8)) { try hasher.hash("short") }
    }

    @Test("tokens are random, and the digest is what is kept")
    func tokens() {
        let a = SecretToken.generate(prefix: "ctd_"), b = SecretToken.generate(prefix: "ctd_")
        #expect(a != b)
        #expect(a.value.hasPrefix("ctd_"))
        #expect(a.value.count > 40)
        #expect(a.digest.count == 64)
        #expect(a.digest == SecretToken.digest(of: a.value))
        #expect(SecretToken.constantTimeEquals(a.value, a.value))
        #expect(!SecretToken.constantTimeEquals(a.value, b.value))
    }

    @Test("e-mail addresses and slugs are normalised or refused with a reason")
    func names() throws {
        #expect(try EmailAddress(" Ana@Example.ORG ").value == "ana@example.org")
        #expect(throws: EmailAddressError.self) { try EmailAddress("ana@localhost") }
        #expect(throws: EmailAddressError.self) { try EmailAddress("not an address") }
        #expect(try Slug("disability-barometer").value == "disability-barometer")
        #expect(throws: SlugError.self) { try Slug("Has Spaces") }
        #expect(throws: SlugError.self) { try Slug("-edge") }
    }
}
