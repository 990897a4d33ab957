import Accounts
import Forms
import Storage

/// A small project with one account per role, an outsider, an administrator and one form:
/// what most storage and server tests start from.
public struct ProjectFixture: Sendable {
    public let organisation: Organisation
    public let project: Project
    public let form: StoredForm
    public let members: [Role: User]
    public let outsider: User
    public let administrator: User

    public static let password = "fixture-password"
    public static let formCSV = """
    survey,,,,
    ,type,name,label,required
    ,note,welcome,Thank you for taking part.,
    ,select_one sex,sex,What is your sex?,yes
    ,integer,age,How old are you?,yes
    ,select_one yes_no,disability,Do you have a disability?,yes
    ,select_one yes_no,employed,Are you in paid work?,no
    ,text,comment,Anything else?,no
    choices,,,,
    ,list_name,name,label,
    ,sex,female,Female,
    ,sex,male,Male,
    ,yes_no,yes,Yes,
    ,yes_no,no,No,
    settings,,,,
    ,form_title,form_id,version,
    ,Fixture survey,fixture,1,
    """

    public func member(_ role: Role) -> User {
        guard let user = members[role] else { preconditionFailure("the fixture has every role") }
        return user
    }

    public static func make(in store: Store, slug: String = "fixture", isPublic: Bool = true) async throws -> ProjectFixture {
        let hash = try PasswordHasher(cost: 4).hash(password)
        let existing = try await store.organisation(slug: "fixture-org")
        let organisation = if let existing { existing } else {
            try await store.createOrganisation(slug: try Slug("fixture-org"), name: "Fixture organisation")
        }
        let project = try await store.createProject(organisationID: organisation.id, slug: try Slug(slug), name: "Fixture project \(slug)",
                                                    description: "For tests.", isPublic: isPublic)
        var members: [Role: User] = [:]
        for role in Role.allCases {
            let user = try await store.createUser(email: try EmailAddress("\(role.rawValue)@\(slug).example"), name: "The \(role.rawValue)",
                                                  passwordHash: hash, isAdministrator: false)
            try await store.setRole(role, userID: user.id, projectID: project.id)
            members[role] = user
        }
        let outsider = try await store.createUser(email: try EmailAddress("outsider@\(slug).example"), name: "An outsider",
                                                  passwordHash: hash, isAdministrator: false)
        let administrator = try await store.createUser(email: try EmailAddress("admin@\(slug).example"), name: "The administrator",
                                                       passwordHash: hash, isAdministrator: true)
        let questionnaire = try XLSFormCSV.read(formCSV, fileName: "fixture.csv", fallbackFormID: "fixture")
        let form = try await store.addFormVersion(projectID: project.id, questionnaire: questionnaire, sourceName: "fixture.csv",
                                                  source: formCSV, createdBy: members[.owner]?.id)
        return ProjectFixture(organisation: organisation, project: project, form: form, members: members,
                              outsider: outsider, administrator: administrator)
    }
}
