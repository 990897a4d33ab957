/// A gap against a figure from outside the survey (an official statistic).
extension Gap {
    /// Compares `group` with an external reference whose sample is independent of ours, so
    /// Var(group - reference) = SE(group)^2 + SE(reference)^2 and, for the ratio,
    /// Var(log ratio) = (SE(group) / group)^2 + (SE(reference) / reference)^2 (delta method).
    /// A reference without a standard error counts as known exactly.
    ///
    /// - Parameters:
    ///   - group: the group's estimate; nil when it is missing or suppressed.
    ///   - reference: the external figure, in the estimate's unit (a share for proportions).
    ///   - minimumSampleSize: respondents below which the group's estimate counts as suppressed.
    /// - Throws: ``ComparisonError`` for a reference that makes no sense (negative SE, or a
    ///   proportion's reference outside 0...1) or an invalid confidence level.
    public init(
        group: Estimate?, reference: ExternalReference?, scale: IndicatorScale, direction: IndicatorDirection,
        confidenceLevel: Double = 0.95, minimumSampleSize: Int = 1
    ) throws(ComparisonError) {
        try ComparisonInput.check(confidenceLevel: confidenceLevel, minimumSampleSize: minimumSampleSize)
        if let reference, reference.value.isFinite {
            if let se = reference.standardError, !(se >= 0 && se.isFinite) { throw .invalidStandardError(se) }
            if scale == .proportion, !(reference.value >= 0 && reference.value <= 1) {
                throw .referenceNotAShare(reference.value)
            }
        }
        let groupProblem = group?.comparabilityProblem(minimumSampleSize: minimumSampleSize, whenMissing: .groupMissing)
        guard let group, groupProblem == nil else {
            let shown = groupProblem == .uncertaintyUnknown ? group?.value : nil
            self = .notAssessable(
                groupProblem ?? .groupMissing, scale: scale, direction: direction, group: shown, reference: reference?.value)
            return
        }
        guard let reference, reference.value.isFinite else {
            self = .notAssessable(.referenceMissing, scale: scale, direction: direction, group: group.value, reference: nil)
            return
        }
        let referenceVariance = (reference.standardError ?? 0) * (reference.standardError ?? 0)
        let logRatioVariance = group.variance / (group.value * group.value)
            + referenceVariance / (reference.value * reference.value)
        self = .assess(
            group: group.value, reference: reference.value, differenceVariance: group.variance + referenceVariance,
            logRatioVariance: logRatioVariance, scale: scale, direction: direction, level: confidenceLevel)
    }
}
