/// The point estimate of each (domain, indicator) of a grouping, and how a PSU's influence total
/// follows from its sums: z = (a - multiplier * b) * inverseScale, with a and b two of the PSU's
/// column sums.
///
/// - mean, proportion: a = sum of w * y, b = sum of w, multiplier = the mean, scale = the
///   domain's weight;
/// - total: z = sum of w * y;
/// - ratio: a, b = the sums of w * y of numerator and denominator, multiplier = the ratio,
///   scale = the denominator's total.
///
/// A domain with no weight has value NaN and influence 0, as the one-by-one estimators.
struct InfluenceForm: Sendable {
    var values: [Double]
    var numeratorColumn: [Int]
    /// Among the 2 x width sums of a PSU: width + column for a weight sum.
    var subtractColumn: [Int]
    var multiplier: [Double]
    var inverseScale: [Double]

    init(totals: DomainTotals, indicators: [CodedIndicator], layout: ColumnLayout) {
        let width = layout.width
        let stride = 2 * width
        let slots = totals.domainCount * indicators.count
        values = [Double](repeating: .nan, count: slots)
        numeratorColumn = [Int](repeating: 0, count: slots)
        subtractColumn = [Int](repeating: 0, count: slots)
        multiplier = [Double](repeating: 0, count: slots)
        inverseScale = [Double](repeating: 0, count: slots)
        for domain in 0..<totals.domainCount {
            for (indicator, item) in indicators.enumerated() {
                let slot = domain * indicators.count + indicator
                let column = layout.firstColumn[indicator]
                let sumY = totals.totals[domain * stride + column]
                numeratorColumn[slot] = column
                switch item.kind {
                case .proportion, .mean:
                    let weight = totals.totals[domain * stride + width + column]
                    subtractColumn[slot] = width + column
                    if weight != 0 {
                        values[slot] = sumY / weight
                        multiplier[slot] = values[slot]
                        inverseScale[slot] = 1 / weight
                    }
                case .total:
                    values[slot] = sumY
                    subtractColumn[slot] = width + column
                    inverseScale[slot] = 1
                case .ratio:
                    let denominator = totals.totals[domain * stride + column + 1]
                    subtractColumn[slot] = column + 1
                    if denominator != 0 {
                        values[slot] = sumY / denominator
                        multiplier[slot] = values[slot]
                        inverseScale[slot] = 1 / denominator
                    }
                }
            }
        }
    }

    /// The influence total of a PSU whose column sums start at `sums[base]`.
    @inline(__always)
    func influence(slot: Int, sums: UnsafeBufferPointer<Double>, base: Int) -> Double {
        (sums[base + numeratorColumn[slot]] - multiplier[slot] * sums[base + subtractColumn[slot]]) * inverseScale[slot]
    }
}
