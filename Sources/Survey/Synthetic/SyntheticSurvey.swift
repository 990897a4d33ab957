/// A synthetic household survey for benchmarks and tests of framework estimation: a stratified
/// cluster design (strata, clusters, weights), the usual disaggregation dimensions (sex, age band,
/// disability, region) and binary indicators with some missing values, all as coded columns.
///
/// The data mimic what makes real surveys hard to estimate from: clusters are correlated (each
/// indicator has a cluster effect), regions are made of whole clusters, weights vary within and
/// between clusters, disability is rare and sometimes unrecorded, and indicators differ by
/// disability and age. It is generated from a seed, so the same call gives the same data.
public struct SyntheticSurvey: Sendable {
    /// The stratum code of each row (0..<strata).
    public var strata: [Int32]
    /// The cluster (PSU) code of each row, unique across strata; rows are ordered by cluster, as
    /// survey files usually are.
    public var clusters: [Int32]
    public var weights: [Double]
    /// sex (2 levels), age band (5), disability (2; about 2% missing) and region (8).
    public var dimensions: [CodedDimension]
    /// Binary (0/1) indicators named "i1", "i2", …, with NaN where missing (about 4%).
    public var indicators: [CodedIndicator]

    public var rowCount: Int { weights.count }

    /// Generates a survey.
    ///
    /// - Parameters:
    ///   - rows: respondents, spread evenly over the clusters.
    ///   - indicators: binary indicators.
    ///   - strata: strata; clusters are dealt to them in turn.
    ///   - clusters: clusters (PSUs) in all; at most `rows`.
    public static func generate(rows: Int, indicators: Int, seed: UInt64 = 1, strata: Int = 10, clusters: Int = 2000) -> SyntheticSurvey {
        var random = SplitMix64(seed: seed)
        let rows = max(1, rows)
        let clusterCount = max(1, min(clusters, rows))
        let strataCount = max(1, min(strata, clusterCount))
        let regions = 8
        let ageBands = 5

        // Per cluster: stratum, region, base weight, and each indicator's cluster effect.
        var clusterWeight = [Double](repeating: 0, count: clusterCount)
        var clusterRegion = [Int32](repeating: 0, count: clusterCount)
        var clusterEffect = [Double](repeating: 0, count: clusterCount * max(indicators, 1))
        for cluster in 0..<clusterCount {
            clusterWeight[cluster] = 50 + 150 * random.nextUnit()
            clusterRegion[cluster] = Int32(random.nextInt(below: regions))
            for indicator in 0..<indicators { clusterEffect[cluster * indicators + indicator] = 0.3 * (random.nextUnit() - 0.5) }
        }
        var strataColumn = [Int32](repeating: 0, count: rows)
        var clusterColumn = [Int32](repeating: 0, count: rows)
        var weights = [Double](repeating: 0, count: rows)
        var sex = [Int32](repeating: 0, count: rows)
        var age = [Int32](repeating: 0, count: rows)
        var disability = [Int32](repeating: 0, count: rows)
        var region = [Int32](repeating: 0, count: rows)
        for row in 0..<rows {
            let cluster = row * clusterCount / rows
            strataColumn[row] = Int32(cluster % strataCount)
            clusterColumn[row] = Int32(cluster)
            weights[row] = clusterWeight[cluster] * (0.5 + random.nextUnit())
            sex[row] = Int32(random.nextInt(below: 2))
            age[row] = Int32(random.nextInt(below: ageBands))
            let draw = random.nextUnit()
            disability[row] = draw < 0.02 ? -1 : (draw < 0.17 ? 1 : 0)
            region[row] = clusterRegion[cluster]
        }
        var indicatorColumns: [CodedIndicator] = []
        for indicator in 0..<indicators {
            let baseline = 0.1 + 0.8 * random.nextUnit()
            var values = [Double](repeating: 0, count: rows)
            for row in 0..<rows {
                if random.nextUnit() < 0.04 { values[row] = .nan; continue }
                let cluster = Int(clusterColumn[row])
                var p = baseline + clusterEffect[cluster * indicators + indicator]
                if disability[row] == 1 { p -= 0.1 }
                p += 0.02 * Double(age[row] - 2)
                values[row] = random.nextUnit() < min(max(p, 0.01), 0.99) ? 1 : 0
            }
            indicatorColumns.append(CodedIndicator(name: "i\(indicator + 1)", kind: .proportion, values: values))
        }
        return SyntheticSurvey(
            strata: strataColumn, clusters: clusterColumn, weights: weights,
            dimensions: [
                CodedDimension(name: "sex", labels: ["female", "male"], codes: sex),
                CodedDimension(name: "age", labels: ["0-14", "15-24", "25-44", "45-64", "65+"], codes: age),
                CodedDimension(name: "disability", labels: ["no", "yes"], codes: disability),
                CodedDimension(name: "region", labels: (1...regions).map { "region \($0)" }, codes: region),
            ],
            indicators: indicatorColumns)
    }

    /// The design: strata, clusters and weights.
    public func design() throws(DesignError) -> CodedDesign {
        try CodedDesign(strata: strata, clusters: clusters, weights: weights)
    }

    /// The same data as a labelled table (columns stratum, cluster, weight, the dimensions and
    /// the indicators), for ``SurveyDesign`` and its one-by-one estimators.
    public func table() throws(TableError) -> SurveyTable {
        var columns: [(name: String, column: TableColumn)] = [
            ("stratum", .numbers(strata.map { Double($0) })),
            ("cluster", .numbers(clusters.map { Double($0) })),
            ("weight", .numbers(weights.map { $0 })),
        ]
        for dimension in dimensions {
            columns.append((dimension.name, .text(dimension.codes.map { $0 < 0 ? nil : dimension.labels[Int($0)] })))
        }
        for indicator in indicators {
            columns.append((indicator.name, .numbers(indicator.values.map { $0.isNaN ? nil : $0 })))
        }
        return try SurveyTable(columns: columns)
    }
}
