import Frameworks

/// The two groups a barometer compares on every indicator: the group the framework is about
/// (persons with disabilities, Indigenous Peoples, LGBTI+ people) and the reference population
/// (everyone else). The framework's first population group names them by its first two levels,
/// as every kit does ("PD" before "NPD", "IND" before "NIND").
public struct ComparedGroups: Sendable, Hashable, Codable {
    public var dimension: String
    /// The level of the group the framework monitors.
    public var group: String
    /// The level of the reference population.
    public var reference: String

    public init(dimension: String, group: String, reference: String) {
        self.dimension = dimension
        self.group = group
        self.reference = reference
    }

    /// The framework's comparison, nil when its first group has fewer than two declared levels.
    public init?(_ framework: Framework) {
        guard let first = framework.groups.first, first.declaredLevels.count >= 2 else { return nil }
        self.init(dimension: first.dimension, group: first.declaredLevels[0], reference: first.declaredLevels[1])
    }

    public var groupLabel: String { DimensionCatalogue.levelLabels[dimension]?[group] ?? group }
    public var referenceLabel: String { DimensionCatalogue.levelLabels[dimension]?[reference] ?? reference }
}
