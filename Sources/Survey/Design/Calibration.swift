/// The calibration adjustments (post-stratification and raking) a design's weights went through,
/// kept in the form the variance needs: after calibration the variance is that of the residuals
/// of the influence values from the calibration margins (R's `postStrata` in `svyrecvar`).
///
/// Each adjustment step b replaces the influence values x by x - w_b * m_b(level), where m_b is
/// a per-level mean of x * rowFactor_b, and w_b the weights after that margin's adjustment. A
/// post-stratification is one step; raking is ten sweeps over its margins, as R does. The steps
/// are linear, so they are carried out on totals (per level and per sampling unit) rather than
/// row by row: one pass over the rows suffices whatever the number of steps.
struct Calibration: Sendable {
    var margins: [CalibrationMargin] = []
    /// The order in which margins adjust the influence values.
    var steps: [Int] = []
    /// crossFactors[a][b][g * levels(b) + h] = sum over rows in level g of margin a and level h
    /// of margin b of adjustedWeight(a) * rowFactor(b).
    var crossFactors: [[[Double]]] = []

    var isEmpty: Bool { margins.isEmpty }

    /// Adds a margin, and the cross factors between it and the others.
    mutating func append(_ margin: CalibrationMargin, rowCount: Int) {
        margins.append(margin)
        crossFactors = margins.indices.map { a in
            margins.indices.map { b in
                let first = margins[a]
                let second = margins[b]
                var table = Array(repeating: 0.0, count: first.levelCount * second.levelCount)
                for row in 0..<rowCount {
                    let g = first.levelOfRow[row]
                    let h = second.levelOfRow[row]
                    guard g >= 0, h >= 0 else { continue }
                    table[g * second.levelCount + h] += first.adjustedWeights[row] * second.rowFactor[row]
                }
                return table
            }
        }
    }
}

/// One calibration margin: the level of each row, the weights after adjusting to it, and the
/// sums the variance adjustment needs.
struct CalibrationMargin: Sendable {
    var column: String
    /// Level of each row; -1 for rows the margin leaves alone.
    var levelOfRow: [Int]
    var levelLabels: [String]
    /// Weights right after this margin's adjustment (R's `attr(, "weights")`).
    var adjustedWeights: [Double]
    /// The factor on x in the level mean: old weight / new weight for post-stratification
    /// (a weighted mean), 1 / new weight for raking (R's unweighted `ave` of x / w).
    var rowFactor: [Double]
    /// The divisor of the level mean: sum of old weights, or the number of rows.
    var normaliser: [Double]
    /// Sums of adjusted weights per (finest variance unit, level), sparse.
    var unitWeights: [UnitLevelWeight]

    var levelCount: Int { levelLabels.count }
}

/// The sum of adjusted weights of the rows in one sampling unit and one calibration level.
struct UnitLevelWeight: Sendable {
    var unit: Int
    var level: Int
    var weight: Double
}
