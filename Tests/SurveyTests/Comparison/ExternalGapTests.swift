import Foundation
import Testing
import Survey

@Suite("Gap against an external reference")
struct ExternalGapTests {
    typealias S = ComparisonTestSupport

    @Test func proportionGapInPercentagePointsWithBothUncertainties() throws {
        // Employment rate 42% (SE 2 points) against an official 50% (SE 1.5 points).
        let gap = try Gap(
            group: S.estimate(0.42, se: 0.02), reference: ExternalReference(value: 0.50, standardError: 0.015, source: "LFS"),
            scale: .proportion, direction: .higherIsBetter)
        let difference = try #require(gap.difference)
        let se = 100 * (0.02 * 0.02 + 0.015 * 0.015).squareRoot()   // 2.5 points
        #expect(S.close(difference.value, -8))
        #expect(S.close(difference.standardError, se))
        #expect(S.close(difference.interval.lower, -8 - S.z95 * se))
        #expect(S.close(difference.interval.upper, -8 + S.z95 * se))
        #expect(S.close(gap.groupValue, 42))
        #expect(S.close(gap.referenceValue, 50))
        #expect(gap.verdict == .significantlyWorse)

        // Ratio by the delta method on logs.
        let ratio = try #require(gap.ratio)
        let logSE = ((0.02 / 0.42) * (0.02 / 0.42) + (0.015 / 0.5) * (0.015 / 0.5)).squareRoot()
        #expect(S.close(ratio.value, 0.84))
        #expect(S.close(ratio.standardError, 0.84 * logSE))
        #expect(S.close(ratio.interval.lower, exp(log(0.84) - S.z95 * logSE)))
        #expect(S.close(ratio.interval.upper, exp(log(0.84) + S.z95 * logSE)))
    }

    @Test func verdictFlipsWithDirection() throws {
        // The same 8-point gap is bad news for employment and good news for violence.
        let group = S.estimate(0.42, se: 0.02)
        let reference = ExternalReference(value: 0.50, standardError: 0.015, source: "Official")
        let higher = try Gap(group: group, reference: reference, scale: .proportion, direction: .higherIsBetter)
        let lower = try Gap(group: group, reference: reference, scale: .proportion, direction: .lowerIsBetter)
        #expect(higher.verdict == .significantlyWorse)
        #expect(lower.verdict == .significantlyBetter)
        #expect(higher.difference == lower.difference)
    }

    @Test func smallGapIsNotSignificant() throws {
        let gap = try Gap(
            group: S.estimate(0.48, se: 0.02), reference: ExternalReference(value: 0.50, standardError: 0.015, source: "x"),
            scale: .proportion, direction: .higherIsBetter)
        // -2 +/- 1.96 * 2.5 includes 0.
        #expect(gap.verdict == .noSignificantDifference)
    }

    @Test func referenceWithoutStandardErrorIsTreatedAsKnown() throws {
        let gap = try Gap(
            group: S.estimate(0.42, se: 0.02), reference: ExternalReference(value: 0.50, source: "Census"),
            scale: .proportion, direction: .higherIsBetter)
        #expect(S.close(gap.difference?.standardError, 2))
        let logSE = 0.02 / 0.42
        #expect(S.close(gap.ratio?.standardError, 0.84 * logSE))
    }

    @Test func zeroStandardErrors() throws {
        let known = ExternalReference(value: 0.5, source: "Law")
        let different = try Gap(group: S.estimate(0.49, se: 0), reference: known, scale: .proportion, direction: .higherIsBetter)
        #expect(different.difference?.interval.lower == different.difference?.interval.upper)
        #expect(different.verdict == .significantlyWorse)
        let equal = try Gap(group: S.estimate(0.5, se: 0), reference: known, scale: .proportion, direction: .higherIsBetter)
        #expect(equal.difference?.value == 0)
        #expect(equal.verdict == .noSignificantDifference)
    }

    @Test func meanGapStaysInTheIndicatorsUnit() throws {
        // Hours of unpaid care a week: lower is better.
        let gap = try Gap(
            group: S.estimate(12.5, se: 0.4), reference: ExternalReference(value: 11, standardError: 0.3, source: "TUS"),
            scale: .mean, direction: .lowerIsBetter)
        #expect(S.close(gap.difference?.value, 1.5))
        #expect(S.close(gap.difference?.standardError, 0.5))
        #expect(S.close(gap.groupValue, 12.5))
        #expect(gap.verdict == .significantlyWorse)
    }

    @Test func confidenceLevelChangesTheInterval() throws {
        let gap = try Gap(
            group: S.estimate(0.42, se: 0.02), reference: ExternalReference(value: 0.50, standardError: 0.015, source: "x"),
            scale: .proportion, direction: .higherIsBetter, confidenceLevel: 0.90)
        #expect(S.close(gap.difference?.interval.lower, -8 - S.z90 * 2.5))
        #expect(gap.difference?.interval.level == 0.90)
    }

    @Test func missingOrSuppressedSidesGiveNotEnoughData() throws {
        let reference = ExternalReference(value: 0.5, standardError: 0.01, source: "x")
        let noGroup = try Gap(group: nil, reference: reference, scale: .proportion, direction: .higherIsBetter)
        #expect(noGroup.verdict == .notEnoughData(.groupMissing))
        #expect(noGroup.groupValue == nil)
        #expect(S.close(noGroup.referenceValue, 50))
        #expect(noGroup.difference == nil && noGroup.ratio == nil)

        let noReference = try Gap(group: S.estimate(0.4, se: 0.02), reference: nil, scale: .proportion, direction: .higherIsBetter)
        #expect(noReference.verdict == .notEnoughData(.referenceMissing))
        #expect(S.close(noReference.groupValue, 40))

        // 12 respondents under a publication threshold of 30: suppressed, and its value not shown.
        let suppressed = try Gap(
            group: S.estimate(0.4, se: 0.1, n: 12), reference: reference, scale: .proportion, direction: .higherIsBetter,
            minimumSampleSize: 30)
        #expect(suppressed.verdict == .notEnoughData(.groupMissing))
        #expect(suppressed.groupValue == nil)

        let noData = try Gap(
            group: S.estimate(.nan, se: .nan, n: 0, notes: [.noData]), reference: reference, scale: .proportion,
            direction: .higherIsBetter)
        #expect(noData.verdict == .notEnoughData(.groupMissing))

        let noVariance = try Gap(
            group: S.estimate(0.4, se: .nan, notes: [.varianceUnavailable]), reference: reference, scale: .proportion,
            direction: .higherIsBetter)
        #expect(noVariance.verdict == .notEnoughData(.uncertaintyUnknown))
        #expect(S.close(noVariance.groupValue, 40))
    }

    @Test func ratioIsOmittedWhenAValueIsZero() throws {
        let gap = try Gap(
            group: S.estimate(0, se: 0), reference: ExternalReference(value: 0.2, standardError: 0.01, source: "x"),
            scale: .proportion, direction: .lowerIsBetter)
        #expect(gap.ratio == nil)
        #expect(gap.verdict == .significantlyBetter)
    }

    @Test func referenceGivenAsPercentage() throws {
        let reference = ExternalReference.percent(45, standardError: 1.2, source: "Official")
        #expect(S.close(reference.value, 0.45))
        #expect(S.close(reference.standardError, 0.012))
        #expect(throws: ComparisonError.referenceNotAShare(45)) {
            try Gap(
                group: S.estimate(0.4, se: 0.02), reference: ExternalReference(value: 45, source: "x"),
                scale: .proportion, direction: .higherIsBetter)
        }
    }

    @Test func invalidInputsAreRejectedWithReadableErrors() {
        let group = S.estimate(0.4, se: 0.02)
        #expect(throws: ComparisonError.invalidStandardError(-0.1)) {
            try Gap(group: group, reference: ExternalReference(value: 0.5, standardError: -0.1, source: "x"),
                    scale: .proportion, direction: .higherIsBetter)
        }
        #expect(throws: ComparisonError.invalidConfidenceLevel(95)) {
            try Gap(group: group, reference: ExternalReference(value: 0.5, source: "x"), scale: .proportion,
                    direction: .higherIsBetter, confidenceLevel: 95)
        }
        #expect(ComparisonError.referenceNotAShare(45).description.contains("percentage"))
    }

    @Test func notANumberReferenceCountsAsMissing() throws {
        let gap = try Gap(
            group: S.estimate(0.4, se: 0.02), reference: ExternalReference(value: .nan, source: "x"),
            scale: .proportion, direction: .higherIsBetter)
        #expect(gap.verdict == .notEnoughData(.referenceMissing))
    }
}
