/// A statistic reduced to what its variance needs: the estimate and each row's influence value
/// (its weighted contribution to the linearised estimator; zero outside the domain). The variance
/// of the estimate is the design variance of the total of the influence values.
struct Linearization: Sendable {
    var value: Double
    var influence: [Double]
    var sampleSize: Int
    var weightedSize: Double
    /// The variance a simple random sample of the same size would give (for the design effect).
    var simpleRandomSampleVariance: Double?
}

/// The numeric columns a statistic reads, converted once and shared by all its domains.
struct StatisticColumns: Sendable {
    enum Kind: Sendable { case mean, total, ratio }
    var kind: Kind
    var values: [Double?]
    var denominators: [Double?]?
    var name: String
}

extension SurveyDesign {
    /// The columns of `statistic` as numbers (a proportion's column as a 0/1 indicator).
    func columns(for statistic: Statistic) throws(EstimationError) -> StatisticColumns {
        switch statistic {
        case .mean(let name):
            StatisticColumns(kind: .mean, values: try numbers(name), denominators: nil, name: name)
        case .total(let name):
            StatisticColumns(kind: .total, values: try numbers(name), denominators: nil, name: name)
        case .ratio(let numerator, let denominator):
            StatisticColumns(kind: .ratio, values: try numbers(numerator), denominators: try numbers(denominator), name: numerator)
        case .proportion(let name, let level):
            StatisticColumns(kind: .mean, values: try indicator(name, equals: level), denominators: nil, name: name)
        }
    }

    func numbers(_ name: String) throws(EstimationError) -> [Double?] {
        guard let column = table[name] else { throw .missingColumn(name) }
        guard let values = column.numbers else { throw .notNumeric(column: name) }
        return values
    }

    /// 1 where `name` equals `level`, 0 where it has another value, nil where missing.
    func indicator(_ name: String, equals level: String) throws(EstimationError) -> [Double?] {
        guard let column = table[name] else { throw .missingColumn(name) }
        return column.labels.map { label in label.map { $0 == level ? 1 : 0 } }
    }

    /// Linearises `columns` in the domain given by `membership` (nil: every row). Rows outside the
    /// domain, or with a missing value, stay in the design with influence 0 (R's domain estimation
    /// and `na.rm = TRUE`).
    func linearize(_ columns: StatisticColumns, membership: [Bool]?) -> Linearization {
        let rows = rowCount
        var count = 0
        var weightSum = 0.0
        var numerator = 0.0
        var denominator = 0.0
        var included = Array(repeating: false, count: rows)
        for row in 0..<rows {
            if let membership, !membership[row] { continue }
            guard let y = columns.values[row] else { continue }
            var x = 1.0
            if let denominators = columns.denominators {
                guard let value = denominators[row] else { continue }
                x = value
            }
            included[row] = true
            let w = weights[row]
            if w > 0 { count += 1 }
            weightSum += w
            numerator += w * y
            denominator += w * x
        }
        var influence = Array(repeating: 0.0, count: rows)
        let value: Double
        var srsVariance: Double?
        switch columns.kind {
        case .total:
            value = numerator
            for row in 0..<rows where included[row] {
                influence[row] = weights[row] * (columns.values[row] ?? 0)
            }
            if let s2 = weightedVariance(columns.values, included: included, mean: weightSum > 0 ? numerator / weightSum : 0, weightSum: weightSum, count: count) {
                srsVariance = s2 * weightSum * weightSum * (weightSum - Double(count)) / (weightSum * Double(count))
            }
        case .mean, .ratio:
            value = denominator == 0 ? .nan : numerator / denominator
            if denominator != 0 {
                for row in 0..<rows where included[row] {
                    let x: Double = columns.denominators.map { $0[row] ?? 1 } ?? 1
                    influence[row] = weights[row] * ((columns.values[row] ?? 0) - value * x) / denominator
                }
            }
            if columns.kind == .mean, let s2 = weightedVariance(columns.values, included: included, mean: value, weightSum: weightSum, count: count) {
                srsVariance = s2 / Double(count) * (weightSum - Double(count)) / weightSum
            }
        }
        return Linearization(value: value, influence: influence, sampleSize: count, weightedSize: weightSum, simpleRandomSampleVariance: srsVariance)
    }

    /// The weighted population variance estimate sum w (y - mean)^2 / sum w * n / (n - 1)
    /// (R's `svyvar`).
    private func weightedVariance(_ values: [Double?], included: [Bool], mean: Double, weightSum: Double, count: Int) -> Double? {
        guard count > 1, weightSum > 0 else { return nil }
        var sum = 0.0
        for row in 0..<values.count where included[row] {
            let d = (values[row] ?? 0) - mean
            sum += weights[row] * d * d
        }
        return sum / weightSum * Double(count) / Double(count - 1)
    }
}
