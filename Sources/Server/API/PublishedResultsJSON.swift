import Foundation
import Frameworks
import Publishing
import Survey

/// The public API's answers: a published round's results as JSON, made from the same published
/// round as the pages and files. A suppressed value has `"value": null` and `"suppressed": true`
/// with its flag, so that no client can mistake it for zero or for a missing total.
enum PublishedResultsJSON {
    struct Link: Encodable { var href: String }

    struct RoundSummary: Encodable {
        var number: Int
        var label: String
        var period: String
        var publishedAt: Date?
        var links: [String: Link]
    }

    struct RoundList: Encodable {
        var project: ProjectRef
        var rounds: [RoundSummary]
    }

    struct ProjectRef: Encodable {
        var slug: String
        var name: String
    }

    struct Headline: Encodable {
        var sentence: String
        var worse: Int
        var better: Int
        var noSignificantDifference: Int
        var notAssessable: Int
    }

    struct RoundDetail: Encodable {
        var project: ProjectRef
        var number: Int
        var label: String
        var period: String
        var publishedAt: Date?
        var submissions: Int
        var framework: FrameworkRef
        var comparison: ComparedGroups?
        var headline: Headline
        var minimumCount: Int
        var links: [String: Link]
    }

    struct FrameworkRef: Encodable {
        var id: String
        var version: String
        var languages: [String]
    }

    struct Value: Encodable {
        /// Level of each dimension; empty for everyone.
        var groups: [String: String]
        var value: Double?
        var ciLow: Double?
        var ciHigh: Double?
        var standardError: Double?
        var n: Int?
        var suppressed: Bool
        var flags: String
    }

    struct GapJSON: Encodable {
        var groupValue: Double?
        var referenceValue: Double?
        var difference: Double?
        var differenceLow: Double?
        var differenceHigh: Double?
        var verdict: String
    }

    struct ChangeJSON: Encodable {
        var fromPeriod: String
        var toPeriod: String
        var change: Double?
        var changeLow: Double?
        var changeHigh: Double?
        var verdict: String
    }

    struct IndicatorJSON: Encodable {
        var code: String
        var title: String
        var language: String
        var theme: String?
        var type: String
        var kind: String
        var unit: String
        var direction: String
        var values: [Value]
        var gap: GapJSON?
        var change: ChangeJSON?
        var assessment: Assessment?
        var noDataReason: String?
    }

    struct IndicatorPage: Encodable {
        var page: Int
        var perPage: Int
        var total: Int
        var items: [IndicatorJSON]
        var links: [String: Link]
    }

    static func verdict(_ verdict: GapVerdict) -> String {
        switch verdict {
        case .significantlyWorse: "worse"
        case .significantlyBetter: "better"
        case .noSignificantDifference: "no-significant-difference"
        case .notEnoughData: "not-enough-data"
        }
    }

    static func verdict(_ verdict: ChangeVerdict) -> String {
        switch verdict {
        case .progress: "progress"
        case .regression: "regression"
        case .noSignificantChange: "no-significant-change"
        case .notEnoughData: "not-enough-data"
        }
    }

    static func value(_ value: PublishedValue) -> Value {
        Value(groups: Dictionary(uniqueKeysWithValues: zip(value.dimensions, value.levels)), value: value.value, ciLow: value.ciLow,
              ciHigh: value.ciHigh, standardError: value.standardError, n: value.isSuppressed ? nil : value.n,
              suppressed: value.isSuppressed, flags: value.flags)
    }

    static func indicator(_ indicator: Indicator, in page: BarometerPage) -> IndicatorJSON {
        let published = page.results[indicator.code]
        let trend = IndicatorTrend(code: indicator.code, rounds: page.barometer.rounds(through: page.current.round.number),
                                   direction: indicator.direction)
        var change: ChangeJSON?
        if let measured = trend.change, trend.changePeriods.count == 2 {
            change = ChangeJSON(fromPeriod: trend.changePeriods[0], toPeriod: trend.changePeriods[1],
                                change: measured.change?.value, changeLow: measured.change?.interval.lower,
                                changeHigh: measured.change?.interval.upper, verdict: verdict(measured.verdict))
        }
        return IndicatorJSON(
            code: indicator.code, title: page.language.text(indicator.title), language: page.language.code,
            theme: page.framework.theme(ofIndicator: indicator.code)?.code, type: indicator.type.rawValue,
            kind: published?.kind ?? indicator.computation.measure.kind, unit: published?.unit ?? indicator.unit.rawValue,
            direction: indicator.direction.rawValue, values: (published?.values ?? []).map(value),
            gap: published?.gap.map { gap in
                GapJSON(groupValue: gap.groupValue, referenceValue: gap.referenceValue, difference: gap.difference?.value,
                        differenceLow: gap.difference?.interval.lower, differenceHigh: gap.difference?.interval.upper,
                        verdict: verdict(gap.verdict))
            },
            change: change, assessment: published?.assessment.flatMap { $0.isComplete ? $0 : nil }, noDataReason: published?.noDataReason)
    }
}
