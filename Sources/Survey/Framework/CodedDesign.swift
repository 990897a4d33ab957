/// A one-stage stratified cluster design given as integer codes, for estimating a whole framework
/// of indicators fast (``FrameworkEstimation``).
///
/// A ``SurveyDesign`` starts from a table of labels; a data platform has usually coded its
/// categories to integers already, and at a million rows turning them back into strings only to
/// code them again costs more than the estimation itself. This design takes the codes as they are
/// and does the little bookkeeping the variance needs: PSUs numbered densely, the stratum of each
/// PSU, PSUs per stratum, and the rows of each PSU (so a pass can visit rows PSU by PSU and keep
/// each PSU's sums in cache).
///
/// PSUs are taken as sampled with replacement (no fpc), as R's `svydesign(ids = ~psu,
/// strata = ~stratum, weights = ~w)`; a stratum with a single PSU is handled as R's
/// `survey.lonely.psu = "adjust"`.
public struct CodedDesign: Sendable {
    /// The number of rows.
    public let rowCount: Int
    /// The weight of each row.
    public let weights: [Double]
    /// The number of PSUs (distinct clusters, or rows when there are no clusters).
    public let psuCount: Int
    /// The number of strata (1 without strata).
    public let stratumCount: Int
    /// The stratum codes with a single PSU.
    public let lonelyStrata: [Int64]
    /// Remarks for every estimate from this design (lonely PSUs).
    public let notes: [EstimateNote]
    /// The dense stratum (0..<stratumCount) of each PSU.
    let stratumOfPSU: [Int32]
    /// PSUs per stratum.
    let psusInStratum: [Int]
    /// Rows ordered by PSU: the rows of PSU p are rowOrder[psuStart[p]..<psuStart[p + 1]], in
    /// their original order.
    let rowOrder: [Int32]
    let psuStart: [Int]
    /// The dense PSU of each row.
    let psuOfRow: [Int32]

    /// Sets up the design.
    ///
    /// - Parameters:
    ///   - strata: the stratum code of each row; nil: one stratum.
    ///   - clusters: the PSU (cluster) code of each row; nil: each row is its own PSU.
    ///   - weights: the sampling weight of each row (zero or positive).
    ///   - nest: cluster codes are only unique within a stratum. Without it, a cluster code found
    ///     in two strata is an error (as R's `svydesign` without `nest = TRUE`).
    /// - Throws: ``DesignError`` for an empty design, columns of different lengths, a negative or
    ///   non-finite weight, or a cluster in several strata.
    public init(strata: [Int32]? = nil, clusters: [Int32]? = nil, weights: [Double], nest: Bool = false) throws(DesignError) {
        let rows = weights.count
        guard rows > 0 else { throw .emptyDesign }
        if let strata, strata.count != rows { throw .lengthMismatch(column: "strata", rows: strata.count, expected: rows) }
        if let clusters, clusters.count != rows { throw .lengthMismatch(column: "clusters", rows: clusters.count, expected: rows) }
        for (row, weight) in weights.enumerated() where !(weight.isFinite && weight >= 0) {
            throw .invalidWeight(column: "weights", row: row + 1, value: weight)
        }
        let stratumCodes = DenseCodes(strata.map { $0.map(Int64.init) } ?? [Int64](repeating: 0, count: rows))
        let psuCodes: DenseCodes
        if let clusters {
            if nest {
                psuCodes = DenseCodes(zip(stratumCodes.indexOfRow, clusters).map { Int64($0) << 32 | Int64(UInt32(bitPattern: $1)) })
            } else {
                psuCodes = DenseCodes(clusters.map(Int64.init))
            }
        } else {
            psuCodes = DenseCodes(Array(0..<Int64(rows)))
        }
        var stratumOfPSU = [Int32](repeating: -1, count: psuCodes.count)
        for row in 0..<rows {
            let psu = Int(psuCodes.indexOfRow[row])
            let stratum = stratumCodes.indexOfRow[row]
            if stratumOfPSU[psu] < 0 {
                stratumOfPSU[psu] = stratum
            } else if stratumOfPSU[psu] != stratum {
                throw .clusterInSeveralStrata(
                    column: "clusters", cluster: String(psuCodes.codes[psu]),
                    strata: [String(stratumCodes.codes[Int(stratumOfPSU[psu])]), String(stratumCodes.codes[Int(stratum)])])
            }
        }
        var psusInStratum = [Int](repeating: 0, count: stratumCodes.count)
        for stratum in stratumOfPSU { psusInStratum[Int(stratum)] += 1 }
        // Counting sort of rows by PSU (stable: rows keep their order within a PSU).
        var psuStart = [Int](repeating: 0, count: psuCodes.count + 1)
        for psu in psuCodes.indexOfRow { psuStart[Int(psu) + 1] += 1 }
        for psu in 0..<psuCodes.count { psuStart[psu + 1] += psuStart[psu] }
        var next = psuStart
        var rowOrder = [Int32](repeating: 0, count: rows)
        for (row, psu) in psuCodes.indexOfRow.enumerated() {
            rowOrder[next[Int(psu)]] = Int32(row)
            next[Int(psu)] += 1
        }
        let lonely = (0..<stratumCodes.count).filter { psusInStratum[$0] == 1 }.map { stratumCodes.codes[$0] }

        self.rowCount = rows
        self.weights = weights
        self.psuCount = psuCodes.count
        self.stratumCount = stratumCodes.count
        self.lonelyStrata = lonely
        self.notes = lonely.isEmpty ? [] : [.lonelyPSU(strata: lonely.map { strata == nil ? "the whole sample" : String($0) })]
        self.stratumOfPSU = stratumOfPSU
        self.psusInStratum = psusInStratum
        self.rowOrder = rowOrder
        self.psuStart = psuStart
        self.psuOfRow = psuCodes.indexOfRow
    }

    /// Design degrees of freedom: PSUs minus strata.
    public var degreesOfFreedom: Int { psuCount - stratumCount }
}
