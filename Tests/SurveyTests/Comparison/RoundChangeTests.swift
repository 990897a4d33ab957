import Foundation
import Testing
import Survey

@Suite("Change between rounds")
struct RoundChangeTests {
    typealias S = ComparisonTestSupport

    @Test func independentRoundsAddVariances() throws {
        let change = try RoundChange(
            from: S.estimate(0.40, se: 0.02), to: S.estimate(0.46, se: 0.02), scale: .proportion, direction: .higherIsBetter)
        let measure = try #require(change.change)
        let se = 100 * (0.02 * 0.02 + 0.02 * 0.02).squareRoot()
        #expect(S.close(measure.value, 6))
        #expect(S.close(measure.standardError, se))
        #expect(S.close(measure.interval.lower, 6 - S.z95 * se))
        #expect(S.close(measure.interval.upper, 6 + S.z95 * se))
        #expect(S.close(change.earlierValue, 40))
        #expect(S.close(change.laterValue, 46))
        #expect(change.verdict == .progress)
    }

    @Test func verdictFlipsWithDirection() throws {
        let change = try RoundChange(
            from: S.estimate(0.40, se: 0.02), to: S.estimate(0.46, se: 0.02), scale: .proportion, direction: .lowerIsBetter)
        #expect(change.verdict == .regression)
        let fall = try RoundChange(
            from: S.estimate(30, se: 1), to: S.estimate(25, se: 1), scale: .mean, direction: .lowerIsBetter)
        #expect(S.close(fall.change?.value, -5))
        #expect(fall.verdict == .progress)
    }

    @Test func covarianceBetweenRoundsReducesTheVariance() throws {
        // Panel rounds: Var = 0.0004 + 0.0004 - 2 * 0.0002 = 0.0004, SE 2 points.
        let change = try RoundChange(
            from: S.estimate(0.40, se: 0.02), to: S.estimate(0.43, se: 0.02), covariance: 0.0002,
            scale: .proportion, direction: .higherIsBetter)
        #expect(S.close(change.change?.standardError, 2))
        // 3 +/- 3.92 includes 0 ...
        #expect(change.verdict == .noSignificantChange)
        let independent = try RoundChange(
            from: S.estimate(0.40, se: 0.02), to: S.estimate(0.43, se: 0.02), scale: .proportion, direction: .higherIsBetter)
        #expect(independent.verdict == .noSignificantChange)
        // ... but a strong positive covariance narrows it: Var = 0.0008 - 0.0007 = 0.0001, SE 1.
        let panel = try RoundChange(
            from: S.estimate(0.40, se: 0.02), to: S.estimate(0.43, se: 0.02), covariance: 0.00035,
            scale: .proportion, direction: .higherIsBetter)
        #expect(S.close(panel.change?.standardError, 1))
        #expect(panel.verdict == .progress)
    }

    @Test func impossibleCovarianceIsRejected() {
        #expect(throws: ComparisonError.invalidCovariance(0.0005)) {
            try RoundChange(
                from: S.estimate(0.40, se: 0.02), to: S.estimate(0.43, se: 0.02), covariance: 0.0005,
                scale: .proportion, direction: .higherIsBetter)
        }
        #expect(throws: ComparisonError.self) {
            try RoundChange(
                from: S.estimate(0.40, se: 0.02), to: S.estimate(0.43, se: 0.02), covariance: .nan,
                scale: .proportion, direction: .higherIsBetter)
        }
    }

    @Test func zeroStandardErrors() throws {
        let same = try RoundChange(from: S.estimate(5, se: 0), to: S.estimate(5, se: 0), scale: .mean, direction: .higherIsBetter)
        #expect(same.verdict == .noSignificantChange)
        let up = try RoundChange(from: S.estimate(5, se: 0), to: S.estimate(5.1, se: 0), scale: .mean, direction: .higherIsBetter)
        #expect(up.verdict == .progress)
    }

    @Test func missingRoundsGiveNotEnoughData() throws {
        let earlierMissing = try RoundChange(from: nil, to: S.estimate(0.4, se: 0.02), scale: .proportion, direction: .higherIsBetter)
        #expect(earlierMissing.verdict == .notEnoughData(.earlierRoundMissing))
        #expect(S.close(earlierMissing.laterValue, 40))
        let laterSuppressed = try RoundChange(
            from: S.estimate(0.4, se: 0.02), to: S.estimate(0.5, se: 0.1, n: 5), scale: .proportion,
            direction: .higherIsBetter, minimumSampleSize: 30)
        #expect(laterSuppressed.verdict == .notEnoughData(.laterRoundMissing))
        #expect(laterSuppressed.laterValue == nil)
        #expect(laterSuppressed.change == nil)
    }
}
