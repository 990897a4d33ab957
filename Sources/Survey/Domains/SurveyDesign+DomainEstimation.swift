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
        var codes: [LabelCodes] = []
        var numeric: [Bool] = []
        for name in dimensions {
            guard let column = table[name] else { throw .missingColumn(name) }
            codes.append(LabelCodes(column))
            numeric.append(column.numbers != nil)
        }
        // Combine the per-column codes into one integer key per row.
        var keyOfRow = [Int?](repeating: 0, count: rowCount)
        var radix = 1
        for column in codes {
            let size = max(1, column.labels.count)
            for row in 0..<rowCount {
                guard let key = keyOfRow[row] else { continue }
                guard let code = column.codeOfRow[row] else { keyOfRow[row] = nil; continue }
                keyOfRow[row] = key + code * radix
            }
            radix *= size
        }
        var keys: [Int] = []
        var seen = Set<Int>()
        for key in keyOfRow {
            if let key, seen.insert(key).inserted { keys.append(key) }
        }
        func levels(of key: Int) -> [String] {
            var remainder = key
            return codes.map { column in
                let size = max(1, column.labels.count)
                defer { remainder /= size }
                return column.labels[remainder % size]
            }
        }
        let labelled = keys.map { (key: $0, levels: levels(of: $0)) }
        let sorted = labelled.sorted { first, second in
            for (index, isNumber) in numeric.enumerated() where first.levels[index] != second.levels[index] {
                if isNumber, let a = Double(first.levels[index]), let b = Double(second.levels[index]) { return a < b }
                return first.levels[index] < second.levels[index]
            }
            return false
        }
        var indexOfKey: [Int: Int] = [:]
        for (index, entry) in sorted.enumerated() { indexOfKey[entry.key] = index }
        return (keyOfRow.map { $0.flatMap { indexOfKey[$0] } }, sorted.map(\.levels))
    }
}
