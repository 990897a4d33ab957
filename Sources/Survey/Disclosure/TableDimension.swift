/// One way a table is broken down (e.g. "sex" with levels "female", "male"), in publication order.
///
/// A table over a dimension also shows its total, written as a nil coordinate in
/// `DisclosureCell.coordinates`, so the levels listed here are only the non-total categories.
public struct TableDimension: Sendable, Hashable, Codable {
    public var name: String
    public var levels: [String]

    public init(name: String, levels: [String]) {
        self.name = name
        self.levels = levels
    }
}
