/// One monitoring effort of an organisation: its questionnaires, submissions and indicators.
/// A public project shows its results to anyone; its submissions are never public.
public struct Project: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var organisationID: String
    public var slug: String
    public var name: String
    public var description: String
    public var isPublic: Bool

    public init(id: String, organisationID: String, slug: String, name: String, description: String, isPublic: Bool) {
        self.id = id
        self.organisationID = organisationID
        self.slug = slug
        self.name = name
        self.description = description
        self.isPublic = isPublic
    }
}
