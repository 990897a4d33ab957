import Accounts
import CountedTestSupport
import Demo
import Foundation
import Frameworks
@testable import Publishing
import Storage
import Survey
import Testing

/// Gaps and trends of the public barometer: made from published values only, read through each
/// indicator's direction, and never from a value disclosure control hid.
@Suite("Gaps and trends of published rounds")
struct ComparisonTests {
    /// The demo's two published rounds, oldest first.
    static func demoRounds(_ store: Store) async throws -> (Framework, [PublishedRound]) {
        _ = try await DemoSeed.seed(into: store, hasher: PasswordHasher(cost: 4))
        let project = try #require(try await store.project(slug: "demo"))
        let framework = try #require(try await store.framework(projectID: project.id)).framework
        let publisher = RoundPublisher(store: store)
        var rounds: [PublishedRound] = []
        for round in try await store.rounds(projectID: project.id) {
            rounds.append(try #require(try await publisher.published(project: project, round: round)))
        }
        return (framework, rounds)
    }

    @Test("each gap compares the two published values of the compared groups, and its verdict follows its interval and direction")
    func gaps() async throws {
        try await TestDatabase.withStore(.sqlite) { store in
            let (framework, rounds) = try await Self.demoRounds(store)
            let comparison = try #require(rounds[0].comparison)
            #expect(comparison == ComparedGroups(dimension: "DISABILITY_STATUS", group: "PD", reference: "NPD"))
            var assessed = 0
            for round in rounds {
                for published in round.indicators {
                    let indicator = try #require(framework.indicator(code: published.code))
                    let byDisability = indicator.disaggregation.contains(["DISABILITY_STATUS"])
                    guard let gap = published.gap else {
                        #expect(!byDisability || indicator.direction == .none || published.values.isEmpty, "\(published.code) has no gap")
                        continue
                    }
                    let group = published.value(dimensions: ["DISABILITY_STATUS"], levels: ["PD"])
                    let reference = published.value(dimensions: ["DISABILITY_STATUS"], levels: ["NPD"])
                    guard let groupValue = group?.value, let referenceValue = reference?.value else {
                        // A suppressed side: no verdict, and no number of the hidden side.
                        guard case .notEnoughData = gap.verdict else { Issue.record("\(published.code): verdict without both sides"); continue }
                        if group?.isSuppressed ?? true { #expect(gap.groupValue == nil) }
                        continue
                    }
                    assessed += 1
                    #expect(gap.groupValue == groupValue)
                    #expect(gap.referenceValue == referenceValue)
                    let difference = try #require(gap.difference)
                    #expect(abs(difference.value - (groupValue - referenceValue)) < 1e-9)
                    let seGroup = try #require(group?.standardError), seReference = try #require(reference?.standardError)
                    #expect(abs(difference.standardError - (seGroup * seGroup + seReference * seReference).squareRoot()) < 1e-9)
                    let higherIsWorse = indicator.direction == .lowerIsBetter
                    switch gap.verdict {
                    case .significantlyWorse:
                        #expect(higherIsWorse ? difference.interval.lower > 0 : difference.interval.upper < 0, "\(published.code)")
                    case .significantlyBetter:
                        #expect(higherIsWorse ? difference.interval.upper < 0 : difference.interval.lower > 0, "\(published.code)")
                    case .noSignificantDifference:
                        #expect(difference.interval.lower <= 0 && difference.interval.upper >= 0, "\(published.code)")
                    case .notEnoughData:
                        Issue.record("\(published.code): both sides published but no verdict")
                    }
                }
                #expect(round.gapSummary.total == round.indicators.compactMap(\.gap).count)
            }
            #expect(assessed > 20, "the demo compares most outcome indicators in both rounds")
            // The synthetic barometer puts persons with disabilities behind in most areas.
            #expect(rounds.allSatisfy { $0.gapSummary.worse > 0 })
        }
    }

    @Test("a trend runs over the published rounds in order, and its change is the later minus the earlier published value")
    func trends() async throws {
        try await TestDatabase.withStore(.sqlite) { store in
            let (framework, rounds) = try await Self.demoRounds(store)
            var changes = 0
            for indicator in framework.indicators {
                // Given newest first, the trend still runs oldest first.
                let trend = IndicatorTrend(code: indicator.code, rounds: rounds.reversed(), direction: indicator.direction)
                #expect(trend.points.map(\.period) == ["2024", "2026"])
                guard let change = trend.change, let measure = change.change else { continue }
                let earlier = try #require(rounds[0][indicator.code]?.overall?.value)
                let later = try #require(rounds[1][indicator.code]?.overall?.value)
                #expect(abs(measure.value - (later - earlier)) < 1e-9)
                switch change.verdict {
                case .progress, .regression: #expect(measure.interval.lower > 0 || measure.interval.upper < 0)
                case .noSignificantChange: #expect(measure.interval.lower <= 0 && measure.interval.upper >= 0)
                case .notEnoughData: Issue.record("\(indicator.code): a change without a verdict")
                }
                changes += 1
            }
            #expect(changes > 10)
            // One round is no trend.
            let single = IndicatorTrend(code: "DB-WORK-1", rounds: [rounds[1]], direction: .higherIsBetter)
            #expect(single.change == nil && !single.hasTrend)
        }
    }

    @Test("a suppressed value gives no comparison: neither gap nor change reads it")
    func suppressedValues() {
        let shown = PublishedValue(dimensions: ["DISABILITY_STATUS"], levels: ["NPD"], value: 40, standardError: 2, ciLow: 36, ciHigh: 44,
                                   n: 200, suppression: nil, isUnreliable: false)
        let hidden = PublishedValue(dimensions: ["DISABILITY_STATUS"], levels: ["PD"], value: nil, standardError: nil, ciLow: nil, ciHigh: nil,
                                    n: nil, suppression: .tooFewRespondents, isUnreliable: false)
        let groups = ComparedGroups(dimension: "DISABILITY_STATUS", group: "PD", reference: "NPD")
        let gap = try? #require(PublishedRound.gap([shown, hidden], comparing: groups, direction: .higherIsBetter, rules: DisclosureRules()))
        #expect(gap?.groupValue == nil && gap?.difference == nil)
        #expect(gap?.referenceValue == 40)
        #expect(hidden.estimate == nil)
        // No direction, no verdict to give.
        #expect(PublishedRound.gap([shown, hidden], comparing: groups, direction: .none, rules: DisclosureRules()) == nil)
    }
}
