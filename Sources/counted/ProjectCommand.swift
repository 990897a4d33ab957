import Accounts
import ArgumentParser
import Frameworks
import Kits
import Storage

struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Create projects and give people roles in them.", subcommands: [Create.self, AddMember.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a project (and its organisation, if new).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Organisation address (created if it does not exist).") var organisation: String
        @Option(help: "Organisation name, for a new organisation.") var organisationName: String?
        @Option(help: "Project address, as in /p/ADDRESS.") var slug: String
        @Option(help: "Project name.") var name: String
        @Option(help: "Owner's e-mail address (an existing account).") var owner: String?
        @Flag(help: "Show the project's results publicly.") var `public` = false
        @Option(help: ArgumentHelp("Start from a kit: its framework and questionnaires.", discussion: "Kits: \(KitLibrary.names.joined(separator: ", ")).", valueName: "name"))
        var kit: String?

        func run() async throws {
            let organisationSlug: Slug, projectSlug: Slug
            do {
                organisationSlug = try Slug(organisation)
                projectSlug = try Slug(slug)
            } catch { throw ValidationError(error.description) }
            let (orgName, projectName, isPublic, ownerEmail) = (organisationName ?? organisation, name, `public`, owner)
            let kit: Kit?
            do { kit = try self.kit.map { (name) throws(KitError) in try KitLibrary.load(name) } } catch { throw CommandFailure(error) }
            do {
                let project = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                    let existing = try await store.organisation(slug: organisationSlug.value)
                    let org = if let existing { existing } else { try await store.createOrganisation(slug: organisationSlug, name: orgName) }
                    var ownerID: String?
                    if let ownerEmail {
                        guard let user = try await store.user(email: try EmailAddress(ownerEmail)) else {
                            throw CommandFailure(message: "No account for \(ownerEmail); no project was created.")
                        }
                        ownerID = user.id
                    }
                    if let kit {
                        return try await store.createProject(fromKit: kit, organisationID: org.id, slug: projectSlug, name: projectName,
                                                             isPublic: isPublic, ownerID: ownerID)
                    }
                    let project = try await store.createProject(organisationID: org.id, slug: projectSlug, name: projectName, isPublic: isPublic)
                    if let ownerID { try await store.setRole(.owner, userID: ownerID, projectID: project.id) }
                    return project
                }
                print("Created project '\(project.name)' at /projects/\(project.slug).")
                if let kit {
                    print("From kit \(kit.name): \(kit.questionnaires.count) questionnaires, \(kit.framework.indicators.count) indicators; "
                        + "the framework is at /projects/\(project.slug)/framework.")
                }
            } catch let error as StorageError {
                throw CommandFailure(error)
            }
        }
    }

    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account a role in a project (replacing any role it had).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Option(help: "E-mail address of an existing account.") var email: String
        @Option(help: "owner, manager, collector, analyst, reviewer or viewer.") var role: String

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("Unknown role '\(self.role)': use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let address: EmailAddress
            do { address = try EmailAddress(email) } catch { throw ValidationError(error.description) }
            let slug = project
            try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                guard let user = try await store.user(email: address) else { throw CommandFailure(message: "No account for \(address).") }
                try await store.setRole(role, userID: user.id, projectID: project.id)
            }
            print("\(address) is now \(role.rawValue) in \(slug).")
        }
    }
}
