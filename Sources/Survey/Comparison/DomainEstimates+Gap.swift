/// A gap between two domains of the same survey (persons with and without disabilities).
extension DomainEstimates {
    /// Compares domain `group` with domain `reference` (levels, one per dimension). Both come from
    /// the same sample, so the difference and ratio use the engine's contrasts, which count the
    /// covariance between the two domains (``difference(_:minus:confidenceLevel:)`` and the
    /// delta-method ``ratio(_:to:confidenceLevel:)``). The ratio's interval is formed on the log
    /// scale from the same delta-method variance: Var(log(A/B)) = Var(A/B) / (A/B)^2.
    ///
    /// A domain that does not occur in the data (nobody answered), has fewer than
    /// `minimumSampleSize` respondents, or has no standard error gives "not enough data".
    public func gap(
        _ group: [String], versus reference: [String], scale: IndicatorScale, direction: IndicatorDirection,
        confidenceLevel: Double = 0.95, minimumSampleSize: Int = 1
    ) throws(ComparisonError) -> Gap {
        try ComparisonInput.check(confidenceLevel: confidenceLevel, minimumSampleSize: minimumSampleSize)
        let groupEstimate = index(of: group).map { estimates[$0] }
        let referenceEstimate = index(of: reference).map { estimates[$0] }
        let groupProblem: NotAssessableReason? = groupEstimate == nil ? .groupMissing
            : groupEstimate?.comparabilityProblem(minimumSampleSize: minimumSampleSize, whenMissing: .groupMissing)
        let referenceProblem: NotAssessableReason? = referenceEstimate == nil ? .referenceMissing
            : referenceEstimate?.comparabilityProblem(minimumSampleSize: minimumSampleSize, whenMissing: .referenceMissing)
        guard let groupEstimate, let referenceEstimate, groupProblem == nil, referenceProblem == nil else {
            // Suppressed or missing values are not shown; a value without a margin of error is.
            func shown(_ estimate: Estimate?, _ problem: NotAssessableReason?) -> Double? {
                problem == nil || problem == .uncertaintyUnknown ? estimate?.value : nil
            }
            return .notAssessable(
                groupProblem ?? referenceProblem ?? .groupMissing, scale: scale, direction: direction,
                group: shown(groupEstimate, groupProblem), reference: shown(referenceEstimate, referenceProblem))
        }
        let contrast: Estimate
        let quotient: Estimate?
        do {
            contrast = try difference(group, minus: reference, confidenceLevel: confidenceLevel)
            quotient = referenceEstimate.value != 0 ? try ratio(group, to: reference, confidenceLevel: confidenceLevel) : nil
        } catch {
            throw .estimation(error)
        }
        let logRatioVariance = quotient.map { $0.variance / ($0.value * $0.value) } ?? .nan
        return .assess(
            group: groupEstimate.value, reference: referenceEstimate.value, differenceVariance: contrast.variance,
            logRatioVariance: logRatioVariance, scale: scale, direction: direction, level: confidenceLevel)
    }
}
