/// One question to the engine, as `counted estimate` asks it from the shell: a design, one
/// statistic, optionally by the levels of a column or as the gap between two of its levels.
/// Keeping the whole request a value lets the command line, the reference tests and later the
/// server run exactly the same code path, from a table to the printed rows.
public struct EstimationRequest: Sendable, Hashable {
    /// The design's columns (weights, strata, clusters per stage, fpc per stage, nest).
    public var design: DesignColumns
    /// Post-stratification: the column of post-strata and the population count of each level.
    public var postStratification: PostStratification?
    public var statistic: Statistic
    /// nil: logit for proportions, a t interval on the design degrees of freedom otherwise.
    public var interval: IntervalMethod?
    /// Estimate overall and then for each level of this column.
    public var by: String?
    /// Instead of one row per domain, the difference between two levels of a column.
    public var comparison: Comparison?
    public var confidenceLevel: Double

    public init(design: DesignColumns = DesignColumns(), postStratification: PostStratification? = nil, statistic: Statistic,
                interval: IntervalMethod? = nil, by: String? = nil, comparison: Comparison? = nil, confidenceLevel: Double = 0.95) {
        self.design = design
        self.postStratification = postStratification
        self.statistic = statistic
        self.interval = interval
        self.by = by
        self.comparison = comparison
        self.confidenceLevel = confidenceLevel
    }

    /// Known population counts of the levels of one column, to which the weights are calibrated.
    public struct PostStratification: Sendable, Hashable {
        public var column: String
        public var population: [String: Double]

        public init(column: String, population: [String: Double]) {
            self.column = column
            self.population = population
        }

        /// Reads a population table whose first column holds the levels and whose last numeric
        /// column (R's `Freq`) holds the counts, as `--population FILE.csv` gives it.
        public init(column: String, table: SurveyTable) throws(EstimationRequestError) {
            guard table.columnNames.count >= 2 else {
                throw .population("The population table needs two columns: the levels of '\(column)', then their population counts.")
            }
            let levelColumn = table.columnNames.contains(column) ? column : table.columnNames[0]
            guard let countName = table.columnNames.last(where: { $0 != levelColumn && table[$0]?.numbers != nil }),
                  let counts = table[countName]?.numbers, let levels = table[levelColumn]
            else {
                throw .population("The population table has no column of population counts (numbers), such as 'Freq'.")
            }
            var population: [String: Double] = [:]
            for row in 0..<table.rowCount {
                guard let level = levels.label(at: row) else {
                    throw .population("Row \(row + 2) of the population table has no level of '\(column)'.")
                }
                guard let count = counts[row], count > 0 else {
                    throw .population("Row \(row + 2) of the population table ('\(level)') needs a population count above 0 in '\(countName)'.")
                }
                guard population[level] == nil else {
                    throw .population("The population table gives '\(level)' twice (row \(row + 2)).")
                }
                population[level] = count
            }
            self.init(column: column, population: population)
        }
    }

    /// The gap between two levels of a column: first minus second.
    public struct Comparison: Sendable, Hashable {
        public var column: String
        public var first: String
        public var second: String

        public init(column: String, first: String, second: String) {
            self.column = column
            self.first = first
            self.second = second
        }
    }

    /// Builds the design from `table` and answers the request.
    public func run(on table: SurveyTable) throws(EstimationRequestError) -> EstimationReport {
        var design: SurveyDesign
        do {
            design = try SurveyDesign(data: table, weights: self.design.weights, strata: self.design.strata,
                                      clusters: self.design.clusters, fpc: self.design.fpc, nest: self.design.nest)
            if let postStratification {
                design = try design.postStratified(by: postStratification.column, population: postStratification.population)
            }
        } catch {
            throw .design(error)
        }
        do {
            if let comparison {
                let domains = try design.estimates(statistic, by: [comparison.column], interval: interval, confidenceLevel: confidenceLevel)
                let gap = try domains.difference([comparison.first], minus: [comparison.second], confidenceLevel: confidenceLevel)
                return .contrast(EstimationReport.ContrastRow(contrast: "\(comparison.first) minus \(comparison.second)", estimate: gap))
            }
            var rows = [EstimationReport.DomainRow(domain: nil,
                                                   estimate: try design.estimate(statistic, interval: interval, confidenceLevel: confidenceLevel))]
            if let by {
                let domains = try design.estimates(statistic, by: [by], interval: interval, confidenceLevel: confidenceLevel)
                for (levels, estimate) in zip(domains.levels, domains.estimates) {
                    rows.append(EstimationReport.DomainRow(domain: levels.joined(separator: ","), estimate: estimate))
                }
            }
            return .domains(rows)
        } catch {
            throw .estimation(error)
        }
    }
}
