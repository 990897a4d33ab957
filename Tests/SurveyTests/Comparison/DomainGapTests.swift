import Foundation
import Testing
import Survey

@Suite("Gap between domains of the same survey")
struct DomainGapTests {
    typealias S = ComparisonTestSupport

    static func reference(_ id: String) throws -> ReferenceCase {
        let data = try ReferenceData.loaded.get()
        return try #require(data.cases.first { $0.id == id })
    }

    @Test func meanGapReproducesRReferenceC020() throws {
        let data = try ReferenceData.loaded.get()
        let expected = try Self.reference("c020")
        #expect(expected.estimator == "gap_mean")
        let design = try #require(data.designs[expected.design])
        let byType = try design.estimates(.mean("api00"), by: ["stype"])
        let gap = try byType.gap(["E"], versus: ["H"], scale: .mean, direction: .higherIsBetter)
        let difference = try #require(gap.difference)
        #expect(S.close(difference.value, try #require(expected.estimate)))
        #expect(S.close(difference.standardError, try #require(expected.standardError)))
        #expect(S.close(difference.interval.lower, try #require(expected.lower)))
        #expect(S.close(difference.interval.upper, try #require(expected.upper)))
        // The interval (12.5, 109.0) excludes 0: E schools score significantly higher.
        #expect(gap.verdict == .significantlyBetter)
        let flipped = try byType.gap(["E"], versus: ["H"], scale: .mean, direction: .lowerIsBetter)
        #expect(flipped.verdict == .significantlyWorse)
    }

    @Test func proportionGapReproducesRReferenceC021InPercentagePoints() throws {
        let data = try ReferenceData.loaded.get()
        let expected = try Self.reference("c021")
        #expect(expected.estimator == "gap_proportion")
        let design = try #require(data.designs[expected.design])
        let byType = try design.estimates(.proportion("sch.wide", level: "Yes"), by: ["stype"])
        let gap = try byType.gap(["E"], versus: ["M"], scale: .proportion, direction: .higherIsBetter)
        let difference = try #require(gap.difference)
        #expect(S.close(difference.value, 100 * (try #require(expected.estimate)), relative: 1e-7))
        #expect(S.close(difference.standardError, 100 * (try #require(expected.standardError)), relative: 1e-7))
        #expect(S.close(difference.interval.lower, 100 * (try #require(expected.lower)), relative: 1e-7))
        #expect(S.close(difference.interval.upper, 100 * (try #require(expected.upper)), relative: 1e-7))
        #expect(gap.verdict == .significantlyBetter)
    }

    @Test func ratioCountsTheCovarianceBetweenDomains() throws {
        let data = try ReferenceData.loaded.get()
        let design = try #require(data.designs["clus1"])
        let byType = try design.estimates(.mean("api00"), by: ["stype"])
        let gap = try byType.gap(["E"], versus: ["H"], scale: .mean, direction: .higherIsBetter)
        let a = try #require(byType.index(of: ["E"]))
        let b = try #require(byType.index(of: ["H"]))
        let va = byType.covariance(a, a), vb = byType.covariance(b, b), cab = byType.covariance(a, b)
        let ea = byType.estimates[a].value, eb = byType.estimates[b].value
        // Var(log A - log B) = Va / A^2 + Vb / B^2 - 2 Cab / (A B), written out independently.
        let logVariance = va / (ea * ea) + vb / (eb * eb) - 2 * cab / (ea * eb)
        let ratio = try #require(gap.ratio)
        #expect(S.close(ratio.value, ea / eb))
        #expect(S.close(ratio.standardError, ea / eb * logVariance.squareRoot()))
        #expect(S.close(ratio.interval.lower, ea / eb * exp(-S.z95 * logVariance.squareRoot())))
        #expect(S.close(ratio.interval.upper, ea / eb * exp(S.z95 * logVariance.squareRoot())))
        #expect(S.close(gap.difference?.standardError, (va + vb - 2 * cab).squareRoot()))
    }

    @Test func absentDomainGivesNotEnoughData() throws {
        let data = try ReferenceData.loaded.get()
        let design = try #require(data.designs["srs"])
        let byType = try design.estimates(.mean("api00"), by: ["stype"])
        let noGroup = try byType.gap(["Z"], versus: ["H"], scale: .mean, direction: .higherIsBetter)
        #expect(noGroup.verdict == .notEnoughData(.groupMissing))
        #expect(noGroup.referenceValue != nil)
        let noReference = try byType.gap(["E"], versus: ["Z"], scale: .mean, direction: .higherIsBetter)
        #expect(noReference.verdict == .notEnoughData(.referenceMissing))
        // A publication threshold above every domain's sample size suppresses both sides.
        let suppressed = try byType.gap(["E"], versus: ["H"], scale: .mean, direction: .higherIsBetter, minimumSampleSize: 10_000)
        #expect(suppressed.verdict == .notEnoughData(.groupMissing))
        #expect(suppressed.groupValue == nil && suppressed.referenceValue == nil)
    }

    @Test func handBuiltDomainsWithCovariance() throws {
        // Two domains 0.30 and 0.45 with variances 0.0004, 0.0009 and covariance 0.0001.
        let estimates = DomainEstimates(
            dimensions: ["disability"], levels: [["no"], ["yes"]],
            estimates: [S.estimate(0.45, se: 0.03), S.estimate(0.30, se: 0.02)],
            covariance: [0.0009, 0.0001, 0.0001, 0.0004])
        let gap = try estimates.gap(["yes"], versus: ["no"], scale: .proportion, direction: .higherIsBetter)
        let se = 100 * (0.0004 + 0.0009 - 2 * 0.0001).squareRoot()
        #expect(S.close(gap.difference?.value, -15))
        #expect(S.close(gap.difference?.standardError, se))
        #expect(gap.verdict == .significantlyWorse)
        #expect(S.close(gap.groupValue, 30))
        #expect(S.close(gap.referenceValue, 45))
    }
}
