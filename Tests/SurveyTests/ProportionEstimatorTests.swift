import Foundation
import Testing
import Survey

@Suite("Proportion estimation by domain")
struct ProportionEstimatorTests {
    /// Independent reference: counts for `domain` (nil = everyone) straight from the data.
    private func expected(_ outcomes: [Bool?], _ domains: [String?], domain: String?) -> ProportionEstimate {
        var numerator = 0
        var denominator = 0
        for index in 0..<max(outcomes.count, domains.count) {
            let outcome = index < outcomes.count ? outcomes[index] : nil
            let group = index < domains.count ? domains[index] : nil
            guard let outcome, domain == nil || group == domain else { continue }
            denominator += 1
            numerator += outcome ? 1 : 0
        }
        let share = denominator > 0 ? Double(numerator) / Double(denominator) : nil
        return ProportionEstimate(numerator: numerator, denominator: denominator, share: share)
    }

    @Test func overallAndDomainsWithMissingValues() {
        let outcomes: [Bool?] = [true, false, nil, true, true, false, nil, true]
        let domains: [String?] = ["north", "north", "south", "south", nil, "south", "north", "north"]
        let result = ProportionEstimator.estimate(outcomes: outcomes, domains: domains, domainOrder: ["north", "south", "east"])

        #expect(result.map(\.domain) == [nil, "north", "south", "east"])
        #expect(result[0].estimate == expected(outcomes, domains, domain: nil))
        #expect(result[1].estimate == expected(outcomes, domains, domain: "north"))
        #expect(result[2].estimate == expected(outcomes, domains, domain: "south"))

        // Spelled out: 6 known outcomes overall, 4 true; north 3 known, 2 true; south 2 known, 1 true.
        #expect(result[0].estimate.numerator == 4 && result[0].estimate.denominator == 6)
        #expect(result[1].estimate.share == 2.0 / 3.0)
        #expect(result[2].estimate.share == 0.5)
    }

    @Test func domainInOrderWithoutRespondentsHasNoData() {
        let result = ProportionEstimator.estimate(outcomes: [true], domains: ["a"], domainOrder: ["a", "b"])
        let b = result.first { $0.domain == "b" }
        #expect(b?.estimate == ProportionEstimate(numerator: 0, denominator: 0, share: nil))
    }

    @Test func noDataIsDistinctFromZero() {
        let result = ProportionEstimator.estimate(outcomes: [false, false, nil], domains: ["a", "a", "b"], domainOrder: [])
        #expect(result[0].estimate.share == 0)
        #expect(result.first { $0.domain == "a" }?.estimate.share == 0)
        // "b" only has a respondent with a missing outcome: it appears, with no data.
        #expect(result.first { $0.domain == "b" }?.estimate.share == nil)
        #expect(result.first { $0.domain == "b" }?.estimate.denominator == 0)
    }

    @Test func unlistedDomainsAreAppendedInFirstSeenOrder() {
        let domains: [String?] = ["z", "b", "z", "a", "c"]
        let outcomes: [Bool?] = [true, true, false, false, true]
        let result = ProportionEstimator.estimate(outcomes: outcomes, domains: domains, domainOrder: ["a", "a"])
        #expect(result.map(\.domain) == [nil, "a", "z", "b", "c"])
        for row in result {
            #expect(row.estimate == expected(outcomes, domains, domain: row.domain))
        }
    }

    @Test func arraysOfDifferentLengthsArePaddedWithNil() {
        let longerOutcomes = ProportionEstimator.estimate(outcomes: [true, true, false], domains: ["a"], domainOrder: ["a"])
        #expect(longerOutcomes[0].estimate == ProportionEstimate(numerator: 2, denominator: 3))
        #expect(longerOutcomes[1].estimate == ProportionEstimate(numerator: 1, denominator: 1))

        let longerDomains = ProportionEstimator.estimate(outcomes: [false], domains: ["a", "b", "c"], domainOrder: [])
        #expect(longerDomains.map(\.domain) == [nil, "a", "b", "c"])
        #expect(longerDomains[0].estimate == ProportionEstimate(numerator: 0, denominator: 1))
        #expect(longerDomains[2].estimate.share == nil)
    }

    @Test func emptyInputGivesOverallWithNoData() {
        let result = ProportionEstimator.estimate(outcomes: [], domains: [], domainOrder: [])
        #expect(result == [DomainEstimate(domain: nil, estimate: ProportionEstimate(numerator: 0, denominator: 0, share: nil))])
    }

    @Test func largerGeneratedDataMatchesDirectCounting() {
        // Deterministic pseudo-random data (linear congruential generator).
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let groups = ["p", "q", "r"]
        var outcomes: [Bool?] = []
        var domains: [String?] = []
        for _ in 0..<500 {
            let roll = next() % 10
            outcomes.append(roll == 0 ? nil : roll < 4)
            let group = Int(next() % 4)
            domains.append(group < groups.count ? groups[group] : nil)
        }
        let result = ProportionEstimator.estimate(outcomes: outcomes, domains: domains, domainOrder: groups)
        #expect(result.map(\.domain) == [nil] + groups)
        for row in result {
            #expect(row.estimate == expected(outcomes, domains, domain: row.domain))
        }
        let domainTotal = result.dropFirst().map(\.estimate.denominator).reduce(0, +)
        let missingGroupWithOutcome = zip(outcomes, domains).filter { $0.0 != nil && $0.1 == nil }.count
        #expect(domainTotal + missingGroupWithOutcome == result[0].estimate.denominator)
    }

    @Test func estimatesEncodeWithNullShare() throws {
        let estimate = DomainEstimate(domain: "x", estimate: ProportionEstimate(numerator: 0, denominator: 0))
        let data = try JSONEncoder().encode(estimate)
        #expect(try JSONDecoder().decode(DomainEstimate.self, from: data) == estimate)
    }
}
