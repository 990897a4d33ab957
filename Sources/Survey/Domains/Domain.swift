/// A subpopulation: the rows where each named column has the given level (e.g. school type "E",
/// or type "E" and awards "Yes"). Domain estimates keep the whole design, with rows outside the
/// domain contributing zero, because the domain's sample size is itself random; subsetting the
/// data first would understate the standard error.
public struct Domain: Sendable, Hashable, Codable, CustomStringConvertible {
    public var conditions: [DomainCondition]

    public init(conditions: [DomainCondition]) {
        self.conditions = conditions
    }

    /// The rows where `column` equals `level`.
    public init(_ column: String, equals level: String) {
        self.conditions = [DomainCondition(column: column, level: level)]
    }

    public var description: String {
        conditions.map { "\($0.column)=\($0.level)" }.joined(separator: ", ")
    }
}

/// One condition of a ``Domain``: `column` equals `level` (compared as labels, so a numeric
/// column's 3 is "3").
public struct DomainCondition: Sendable, Hashable, Codable {
    public var column: String
    public var level: String

    public init(column: String, level: String) {
        self.column = column
        self.level = level
    }
}

extension SurveyDesign {
    /// Which rows are in `domain`; rows with a missing value in a domain column are in no domain.
    func membership(of domain: Domain) throws(EstimationError) -> [Bool] {
        var inside = Array(repeating: true, count: rowCount)
        for condition in domain.conditions {
            guard let column = table[condition.column] else { throw .missingColumn(condition.column) }
            for row in 0..<rowCount where inside[row] {
                inside[row] = column.label(at: row) == condition.level
            }
        }
        return inside
    }

    /// Design degrees of freedom among the rows in `membership` with a weight above 0: their
    /// PSUs minus their strata (R's `degf` on the domain's design).
    func degreesOfFreedom(membership: [Bool]?) -> Int {
        let stage = stages[0]
        var seenUnit = Array(repeating: false, count: stage.unitCount)
        var seenGroup = Array(repeating: false, count: stage.groupCount)
        var units = 0
        var groups = 0
        for row in 0..<rowCount where weights[row] != 0 && (membership?[row] ?? true) {
            let unit = stage.unitOfRow[row]
            if !seenUnit[unit] {
                seenUnit[unit] = true
                units += 1
                let group = stage.groupOfUnit[unit]
                if !seenGroup[group] {
                    seenGroup[group] = true
                    groups += 1
                }
            }
        }
        return units - groups
    }

    /// Design degrees of freedom of the whole sample (PSUs minus strata).
    public var degreesOfFreedom: Int { degreesOfFreedom(membership: nil) }
}
