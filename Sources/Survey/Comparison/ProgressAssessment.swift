import Foundation

/// Progress of an indicator towards a numerical target by a target year, classified as the UN
/// Statistics Division does for the global SDG Progress Chart, so that Counted's pages speak the
/// same language as the Sustainable Development Goals Report.
///
/// Source: United Nations Statistics Division, *Sustainable Development Goals Progress Chart,
/// Technical Note* (2020-2022 editions), section "Measuring the trend for indicators with an
/// explicit numerical target". The method compares the actual compound annual growth rate since
/// the baseline with the rate required to reach the target on time:
///
/// - actual rate  CAGR_a = (x_latest / x_baseline)^(1 / (t_latest - t_baseline)) - 1
/// - required rate CAGR_r = (target / x_baseline)^(1 / (t_target - t_baseline)) - 1
/// - ratio C_r = CAGR_a / CAGR_r, classified with the note's thresholds:
///   C_r >= 0.95 on track; 0.5 <= C_r < 0.95 acceleration needed; -0.1 <= C_r < 0.5 limited
///   progress; C_r < -0.1 deterioration (wording mapped in ``ProgressCategory``).
///
/// Because CAGR_r points towards the target, the ratio is positive when moving towards it
/// whether the target is an increase or a decrease; ``IndicatorDirection`` only decides when the
/// target counts as met. Choices made where the note leaves room (documented, not hidden):
///
/// - **Target met**: the latest value is at or beyond the target in the desirable direction.
/// - **Target had been met at the baseline** but no longer is: deterioration (there is no
///   required rate to compare with; the indicator fell back).
/// - **Zero, negative or zero-target values**, where compound rates are undefined or meaningless
///   (a target of 0 needs a rate of -100% a year): linear rates per year are compared instead,
///   (x_latest - x_baseline) / years against (target - x_baseline) / years. This equals the
///   ratio of anticipated to required progress under a straight-line projection, the measure of
///   later editions of the note, and uses the same thresholds.
/// - **Baseline**: the latest value at or before `baselineYear` (e.g. 2015), else the first value;
///   **latest**: the last value. Values that are not finite numbers are treated as missing.
/// - Fewer than two values, or none after the baseline: not assessable.
///
/// The assessment uses point values only; sampling error is judged by ``RoundChange``.
public struct ProgressAssessment: Sendable, Hashable, Codable {
    /// C_r at or above this: on track.
    public static let onTrackThreshold = 0.95
    /// C_r at or above this (and below on track): acceleration needed.
    public static let accelerationNeededThreshold = 0.5
    /// C_r at or above this (and below acceleration needed): limited progress; below: deterioration.
    public static let limitedProgressThreshold = -0.1

    public var category: ProgressCategory
    public var target: ProgressTarget
    public var direction: IndicatorDirection
    /// The value the progress is measured from; nil when not assessable for lack of values.
    public var baseline: TrendPoint?
    /// The most recent value; nil when there are no values.
    public var latest: TrendPoint?
    /// How the rates were computed; nil when no rates were needed (target met, deterioration from
    /// a met target) or possible.
    public var rateKind: AnnualRateKind?
    /// The actual annual rate since the baseline (a fraction for compound rates, the indicator's
    /// unit per year for linear ones).
    public var actualAnnualRate: Double?
    /// The annual rate that would reach the target in the target year, same kind as the actual.
    public var requiredAnnualRate: Double?
    /// actual / required rate (C_r), the number the category is read from.
    public var ratio: Double?

    public init(
        category: ProgressCategory, target: ProgressTarget, direction: IndicatorDirection, baseline: TrendPoint?,
        latest: TrendPoint?, rateKind: AnnualRateKind?, actualAnnualRate: Double?, requiredAnnualRate: Double?,
        ratio: Double?
    ) {
        self.category = category
        self.target = target
        self.direction = direction
        self.baseline = baseline
        self.latest = latest
        self.rateKind = rateKind
        self.actualAnnualRate = actualAnnualRate
        self.requiredAnnualRate = requiredAnnualRate
        self.ratio = ratio
    }

    /// Assesses the progress of `series` (any order, one value per year) towards `target`.
    ///
    /// - Parameter baselineYear: the year progress is measured from (the SDGs use 2015); nil
    ///   starts from the first value.
    /// - Throws: ``ComparisonError/duplicateYear(_:)``, ``ComparisonError/invalidTarget(_:)``, or
    ///   ``ComparisonError/targetYearNotAfterBaseline(targetYear:baselineYear:)``.
    public init(
        series: [TrendPoint], target: ProgressTarget, direction: IndicatorDirection, baselineYear: Int? = nil
    ) throws(ComparisonError) {
        guard target.value.isFinite else { throw .invalidTarget(target.value) }
        let points = series.filter { $0.value.isFinite }.sorted { $0.year < $1.year }
        for (earlier, later) in zip(points, points.dropFirst()) where earlier.year == later.year {
            throw .duplicateYear(later.year)
        }
        self.init(
            category: .notAssessable(.fewerThanTwoPoints), target: target, direction: direction, baseline: nil,
            latest: points.last, rateKind: nil, actualAnnualRate: nil, requiredAnnualRate: nil, ratio: nil)
        guard points.count >= 2, let first = points.first, let last = points.last else { return }
        let start = baselineYear.flatMap { year in points.last { $0.year <= year } } ?? first
        baseline = start
        guard last.year > start.year else {
            category = .notAssessable(.noPointAfterBaseline)
            return
        }
        guard target.year > start.year else {
            throw .targetYearNotAfterBaseline(targetYear: target.year, baselineYear: start.year)
        }
        let sign = direction.sign
        if sign * (last.value - target.value) >= 0 {
            category = .targetMet
            return
        }
        if sign * (start.value - target.value) >= 0 {
            category = .deterioration
            return
        }
        let elapsed = Double(last.year - start.year)
        let remaining = Double(target.year - start.year)
        let actual: Double
        let required: Double
        if start.value > 0, last.value > 0, target.value > 0 {
            rateKind = .compound
            actual = pow(last.value / start.value, 1 / elapsed) - 1
            required = pow(target.value / start.value, 1 / remaining) - 1
        } else {
            rateKind = .linear
            actual = (last.value - start.value) / elapsed
            required = (target.value - start.value) / remaining
        }
        // The baseline is strictly short of the target here, so the required rate is not zero.
        let ratio = actual / required
        actualAnnualRate = actual
        requiredAnnualRate = required
        self.ratio = ratio
        category = Self.category(ratio: ratio)
    }

    /// The category for a ratio of actual to required rate (C_r).
    public static func category(ratio: Double) -> ProgressCategory {
        if ratio >= onTrackThreshold { return .onTrack }
        if ratio >= accelerationNeededThreshold { return .accelerationNeeded }
        if ratio >= limitedProgressThreshold { return .limitedProgress }
        return .deterioration
    }
}
