import Foundation
import Frameworks
import Survey

extension PublishedRound {
    /// The round's results as they may be published: each indicator's values protected by
    /// ``OutcomeProtection`` and expressed in the indicator's unit (a proportion in a framework
    /// that reports percent is published as a percentage).
    public init(framework: Framework, results: FrameworkResults, rules: DisclosureRules, projectSlug: String, projectName: String,
                round: Int, roundLabel: String, period: String, submissions: [String: Int], computedAt: Date = Date()) {
        let protection = OutcomeProtection(rules: rules)
        var declared: [String: [String]] = [:]
        for group in framework.groups { declared[group.dimension] = group.declaredLevels }
        let comparison = ComparedGroups(framework)
        var indicators: [PublishedIndicator] = []
        for indicator in framework.indicators {
            guard let outcome = results[indicator.code] else { continue }
            let scale = outcome.kind == "proportion" && indicator.unit == .percent ? 100.0 : 1.0
            let values = protection.protect(outcome.values, declaredLevels: declared).map { protected in
                Self.published(protected, scale: scale)
            }
            indicators.append(PublishedIndicator(code: indicator.code, kind: outcome.kind, unit: indicator.unit.rawValue, values: values,
                                                 assessment: outcome.assessment, noDataReason: outcome.noDataReason,
                                                 gap: comparison.flatMap { Self.gap(values, comparing: $0, direction: indicator.direction, rules: rules) }))
        }
        self.init(projectSlug: projectSlug, projectName: projectName, round: round, roundLabel: roundLabel, period: period,
                  frameworkID: framework.id, frameworkVersion: framework.version, rules: rules, computedAt: computedAt,
                  submissions: submissions, indicators: indicators, comparison: comparison)
    }

    /// The gap between the compared groups, from their published values: a suppressed side gives
    /// "not enough data", never a gap computed from the hidden number.
    static func gap(_ values: [PublishedValue], comparing groups: ComparedGroups, direction: Frameworks.IndicatorDirection,
                    rules: DisclosureRules) -> Gap? {
        guard let direction = Survey.IndicatorDirection(direction),
              values.contains(where: { $0.dimensions == [groups.dimension] }) else { return nil }
        let group = values.first { $0.dimensions == [groups.dimension] && $0.levels == [groups.group] }?.estimate
        let reference = values.first { $0.dimensions == [groups.dimension] && $0.levels == [groups.reference] }?.estimate
        // Published values are already in the display unit, so the comparison scales by 1. The two
        // groups are disjoint domains of one sample of independent units (weight 1, each its own
        // PSU), whose covariance is zero, so the reference enters as an independent figure.
        return try? Gap(group: group, reference: reference.map { ExternalReference(value: $0.value, standardError: $0.standardError, source: groups.referenceLabel) },
                        scale: .mean, direction: direction, minimumSampleSize: max(rules.minimumCount, 1))
    }

    private static func published(_ protected: ProtectedDomain, scale: Double) -> PublishedValue {
        let domain = protected.domain
        guard case .published = protected.status else {
            return PublishedValue(dimensions: domain.dimensions, levels: domain.levels, value: nil, standardError: nil, ciLow: nil, ciHigh: nil,
                                  n: nil, suppression: protected.status.suppressionReason, isUnreliable: false)
        }
        let estimate = domain.estimate
        // Ten significant digits: as precise as any survey estimate, without binary noise
        // (14.499999999999998 is published as 14.5).
        let finite: (Double?) -> Double? = { number in
            number.flatMap { $0.isFinite ? Double(String(format: "%.10g", $0 * scale)) : nil }
        }
        return PublishedValue(dimensions: domain.dimensions, levels: domain.levels, value: finite(estimate.value),
                              standardError: finite(estimate.standardError), ciLow: finite(estimate.interval?.lower),
                              ciHigh: finite(estimate.interval?.upper), n: estimate.sampleSize, suppression: nil,
                              isUnreliable: protected.isUnreliable)
    }
}
