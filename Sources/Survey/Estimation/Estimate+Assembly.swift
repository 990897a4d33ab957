/// Building an ``Estimate`` from a value and its variance, shared by every estimator (one by one,
/// by domain, whole frameworks) so that intervals, design effects and notes are formed the same
/// way everywhere.
extension Estimate {
    /// An estimate with its interval, design effect and notes.
    ///
    /// - Parameters:
    ///   - srsVariance: the variance under simple random sampling of the same size, for the
    ///     design effect; nil where not defined.
    ///   - rows: rows in the domain (Korn-Graubard's (t(rows - 1) / t(df))^2 factor).
    ///   - designNotes: notes that hold for every estimate of the design (lonely PSUs).
    static func assembled(
        value: Double, variance: Double, sampleSize: Int, weightedSize: Double, srsVariance: Double?,
        degreesOfFreedom df: Int, rows: Int, isProportion: Bool, interval method: IntervalMethod, confidenceLevel: Double,
        designNotes: [EstimateNote]
    ) -> Estimate {
        var notes = designNotes
        if sampleSize == 0 { notes.append(.noData) }
        let confidence = method.interval(value: value, variance: variance, degreesOfFreedom: df, rows: rows, level: confidenceLevel)
        if isProportion, value == 0 || value == 1 { notes.append(.degenerateProportion) }
        var designEffect: Double?
        var effective: Double?
        if let srs = srsVariance, srs > 0 {
            designEffect = variance / srs
            if let deff = designEffect, deff > 0 { effective = Double(sampleSize) / deff }
        }
        return Estimate(
            value: value, standardError: max(variance, 0).squareRoot(), interval: confidence, degreesOfFreedom: df,
            sampleSize: sampleSize, weightedSize: weightedSize, designEffect: designEffect,
            effectiveSampleSize: effective, notes: notes)
    }
}
