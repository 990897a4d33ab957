/// A community, civil-society organisation or human rights institution that runs projects.
public struct Organisation: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var slug: String
    public var name: String

    public init(id: String, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}
