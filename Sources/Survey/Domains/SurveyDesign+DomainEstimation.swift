/// Estimating a statistic for every domain of one or more dimensions at once.
extension SurveyDesign {
    /// Estimates `statistic` in each domain defined by the levels of `dimensions` (crossed when
    /// several), with their covariance. Rows with a missing value in a dimension belong to no
    /// domain. Domains are ordered by level (numerically for numeric columns).
    public func estimates(
        _ statistic: Statistic, by dimensions: [String], interval: IntervalMethod? = nil, confidenceLevel: Double = 0.95
    ) throws(EstimationError) -> DomainEstimates {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        let columns = try columns(for: statistic)
        let domains = try domainsOfRows(dimensions)
        var linearizations: [Linearization] = []
        var memberships: [[Bool]] = []
        for domain in domains.levels.indices {
            let membership = domains.domainOfRow.map { $0 == domain }
            memberships.append(membership)
            linearizations.append(linearize(columns, membership: membership))
        }
        let count = linearizations.count
        let totals = influenceTotals(of: linearizations.map(\.influence))
        let covariance = count == 0 ? [] : self.covariance(of: totals, blocks: [0..<count])[0]
        let estimates = (0..<count).map { domain in
            finish(
                linearizations[domain], variance: covariance[domain * count + domain], membership: memberships[domain],
                statistic: statistic, interval: interval, confidenceLevel: confidenceLevel)
        }
        return DomainEstimates(dimensions: dimensions, levels: domains.levels, estimates: estimates, covariance: covariance)
    }

    /// The domain of each row (nil: a dimension is missing) and each domain's levels, sorted.
    func domainsOfRows(_ dimensions: [String]) throws(EstimationError) -> (domainOfRow: [Int?], levels: [[String]]) {
        var columns: [TableColumn] = []
        for name in dimensions {
            guard let column = table[name] else { throw .missingColumn(name) }
            columns.append(column)
        }
        var keyOfRow: [[String]?] = Array(repeating: nil, count: rowCount)
        var distinct: Set<[String]> = []
        for row in 0..<rowCount {
            var key: [String] = []
            var complete = true
            for column in columns {
                guard let label = column.label(at: row) else { complete = false; break }
                key.append(label)
            }
            if complete {
                keyOfRow[row] = key
                distinct.insert(key)
            }
        }
        let numeric = columns.map { $0.numbers != nil }
        let levels = distinct.sorted { first, second in
            for (index, isNumber) in numeric.enumerated() where first[index] != second[index] {
                if isNumber, let a = Double(first[index]), let b = Double(second[index]) { return a < b }
                return first[index] < second[index]
            }
            return false
        }
        var indexOfLevel: [[String]: Int] = [:]
        for (index, level) in levels.enumerated() { indexOfLevel[level] = index }
        return (keyOfRow.map { $0.flatMap { indexOfLevel[$0] } }, levels)
    }
}
