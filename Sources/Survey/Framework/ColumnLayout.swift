/// Where each indicator's values sit among the value columns of a pass: one column for a mean,
/// proportion or total, two (numerator, denominator) for a ratio.
struct ColumnLayout: Sendable {
    /// The first column of each indicator.
    var firstColumn: [Int]
    /// Columns in all.
    var width: Int
    /// SIMD vectors per set of all columns.
    var lanes: Int { max(1, (width + 3) / 4) }

    init(_ indicators: [CodedIndicator]) {
        var firstColumn: [Int] = []
        var width = 0
        for indicator in indicators {
            firstColumn.append(width)
            width += indicator.kind == .ratio ? 2 : 1
        }
        self.firstColumn = firstColumn
        self.width = width
    }

    /// The pass's columns: values (and denominators of ratios, each tied to its numerator).
    static func columns(of indicators: [CodedIndicator]) -> DomainSums.Columns {
        var values: [[Double]] = []
        var partner: [Int] = []
        for indicator in indicators {
            values.append(indicator.values)
            if indicator.kind == .ratio, let denominator = indicator.denominator {
                partner.append(values.count)
                partner.append(values.count - 1)
                values.append(denominator)
            } else {
                partner.append(-1)
            }
        }
        return DomainSums.Columns(values: values, partner: partner)
    }
}
