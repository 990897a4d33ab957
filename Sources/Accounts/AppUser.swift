/// A collector's phone rather than a person: ODK Central's "app user". It belongs to one project,
/// may only download that project's forms and submit to them, and proves itself with a token
/// in the URL configured into ODK Collect, so a phone can be set up with a QR code and revoked
/// alone when lost, without anyone's password on it.
public struct AppUser: Sendable, Equatable, Codable {
    public var id: String
    public var projectID: String
    /// What the people running the project call this phone or collector ("Team A tablet 3").
    public var name: String
    public var createdAt: String
    /// When the token stopped working; nil while it works.
    public var revokedAt: String?

    public init(id: String, projectID: String, name: String, createdAt: String, revokedAt: String? = nil) {
        self.id = id
        self.projectID = projectID
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
