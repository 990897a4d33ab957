/// The change in an indicator between two survey rounds, with its confidence interval and a
/// verdict. Two rounds' estimates both carry sampling error, so a change only counts when its
/// interval excludes zero; otherwise a page would announce progress that is sampling noise.
public struct RoundChange: Sendable, Hashable, Codable {
    public var scale: IndicatorScale
    public var direction: IndicatorDirection
    /// The earlier round's value in display units (percent for proportions); nil when missing.
    public var earlierValue: Double?
    /// The later round's value in display units (percent for proportions); nil when missing.
    public var laterValue: Double?
    /// Later minus earlier: percentage points for proportions, the indicator's unit for means;
    /// nil when there is not enough data.
    public var change: ComparisonMeasure?
    public var verdict: ChangeVerdict

    public init(
        scale: IndicatorScale, direction: IndicatorDirection, earlierValue: Double?, laterValue: Double?,
        change: ComparisonMeasure?, verdict: ChangeVerdict
    ) {
        self.scale = scale
        self.direction = direction
        self.earlierValue = earlierValue
        self.laterValue = laterValue
        self.change = change
        self.verdict = verdict
    }

    /// The change from `earlier` to `later`. Rounds drawn as independent samples have
    /// Var(change) = SE(earlier)^2 + SE(later)^2; rounds that share units (a panel, or the same
    /// PSUs) pass their `covariance`, and Var(change) = SE^2 + SE^2 - 2 * covariance.
    ///
    /// - Parameters:
    ///   - earlier: the earlier round's estimate; nil when missing or suppressed.
    ///   - later: the later round's estimate; nil when missing or suppressed.
    ///   - minimumSampleSize: respondents below which an estimate counts as suppressed.
    /// - Throws: ``ComparisonError/invalidCovariance(_:)`` when the covariance is not a number or
    ///   makes the variance negative; invalid confidence level or minimum sample size.
    public init(
        from earlier: Estimate?, to later: Estimate?, covariance: Double = 0, scale: IndicatorScale,
        direction: IndicatorDirection, confidenceLevel: Double = 0.95, minimumSampleSize: Int = 1
    ) throws(ComparisonError) {
        try ComparisonInput.check(confidenceLevel: confidenceLevel, minimumSampleSize: minimumSampleSize)
        guard covariance.isFinite else { throw .invalidCovariance(covariance) }
        let factor = scale.displayFactor
        let earlierProblem: NotAssessableReason? = earlier == nil ? .earlierRoundMissing
            : earlier?.comparabilityProblem(minimumSampleSize: minimumSampleSize, whenMissing: .earlierRoundMissing)
        let laterProblem: NotAssessableReason? = later == nil ? .laterRoundMissing
            : later?.comparabilityProblem(minimumSampleSize: minimumSampleSize, whenMissing: .laterRoundMissing)
        // Suppressed or missing values are not shown; a value without a margin of error is.
        func shown(_ estimate: Estimate?, _ problem: NotAssessableReason?) -> Double? {
            problem == nil || problem == .uncertaintyUnknown ? estimate.map { $0.value * factor } : nil
        }
        self.init(
            scale: scale, direction: direction, earlierValue: shown(earlier, earlierProblem),
            laterValue: shown(later, laterProblem), change: nil, verdict: .noSignificantChange)
        guard let earlier, let later, earlierProblem == nil, laterProblem == nil else {
            verdict = .notEnoughData(earlierProblem ?? laterProblem ?? .earlierRoundMissing)
            return
        }
        let variance = earlier.variance + later.variance - 2 * covariance
        // Allow rounding error in a covariance at the Cauchy-Schwarz bound, not a real excess.
        let tolerance = 1e-12 * (earlier.variance + later.variance)
        guard variance >= -tolerance else { throw .invalidCovariance(covariance) }
        guard let change = ComparisonMeasure.normal(
            value: (later.value - earlier.value) * factor, variance: max(variance, 0) * factor * factor,
            level: confidenceLevel)
        else {
            verdict = .notEnoughData(.uncertaintyUnknown)
            return
        }
        self.change = change
        verdict = ChangeVerdict(changeInterval: change.interval, direction: direction)
    }
}
