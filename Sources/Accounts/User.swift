/// A person who signs in. Administrators run the installation: they create organisations and
/// projects and may act in every project.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var email: String
    public var name: String
    public var isAdministrator: Bool

    public init(id: String, email: String, name: String, isAdministrator: Bool) {
        self.id = id
        self.email = email
        self.name = name
        self.isAdministrator = isAdministrator
    }
}
