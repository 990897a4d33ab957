import Foundation

/// How a group compares with a reference on one indicator: the difference (in percentage points
/// for proportions), the ratio, both with confidence intervals, and a verdict a reader can act on.
/// "Leave no one behind" monitoring asks exactly this (are persons with disabilities worse off
/// than persons without?), and a gap without its uncertainty would overstate small-sample noise.
public struct Gap: Sendable, Hashable, Codable {
    public var scale: IndicatorScale
    public var direction: IndicatorDirection
    /// The group's value in display units (percent for proportions); nil when missing.
    public var groupValue: Double?
    /// The reference's value in display units (percent for proportions); nil when missing.
    public var referenceValue: Double?
    /// Group minus reference: percentage points for proportions, the indicator's unit for means;
    /// nil when there is not enough data.
    public var difference: ComparisonMeasure?
    /// Group divided by reference (unitless), with a log-scale interval; nil when there is not
    /// enough data or either value is not above zero.
    public var ratio: ComparisonMeasure?
    public var verdict: GapVerdict

    public init(
        scale: IndicatorScale, direction: IndicatorDirection, groupValue: Double?, referenceValue: Double?,
        difference: ComparisonMeasure?, ratio: ComparisonMeasure?, verdict: GapVerdict
    ) {
        self.scale = scale
        self.direction = direction
        self.groupValue = groupValue
        self.referenceValue = referenceValue
        self.difference = difference
        self.ratio = ratio
        self.verdict = verdict
    }

    /// A gap that cannot be assessed, keeping whichever values exist for display.
    static func notAssessable(
        _ reason: NotAssessableReason, scale: IndicatorScale, direction: IndicatorDirection,
        group: Double?, reference: Double?
    ) -> Gap {
        Gap(
            scale: scale, direction: direction, groupValue: group.map { $0 * scale.displayFactor },
            referenceValue: reference.map { $0 * scale.displayFactor }, difference: nil, ratio: nil,
            verdict: .notEnoughData(reason))
    }

    /// A gap from the two values (in the estimates' unit) and the variances of their difference
    /// and of the log of their ratio, however those were obtained.
    static func assess(
        group: Double, reference: Double, differenceVariance: Double, logRatioVariance: Double,
        scale: IndicatorScale, direction: IndicatorDirection, level: Double
    ) -> Gap {
        let factor = scale.displayFactor
        guard let difference = ComparisonMeasure.normal(
            value: (group - reference) * factor, variance: differenceVariance * factor * factor, level: level)
        else {
            return notAssessable(.uncertaintyUnknown, scale: scale, direction: direction, group: group, reference: reference)
        }
        let ratio = group > 0 && reference > 0
            ? ComparisonMeasure.ratio(value: group / reference, logVariance: logRatioVariance, level: level) : nil
        return Gap(
            scale: scale, direction: direction, groupValue: group * factor, referenceValue: reference * factor,
            difference: difference, ratio: ratio,
            verdict: GapVerdict(differenceInterval: difference.interval, direction: direction))
    }
}
