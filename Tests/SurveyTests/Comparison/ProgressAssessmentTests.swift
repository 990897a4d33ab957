import Foundation
import Testing
import Survey

@Suite("SDG-style progress towards a target")
struct ProgressAssessmentTests {
    typealias S = ComparisonTestSupport

    static func series(_ pairs: [(Int, Double)]) -> [TrendPoint] {
        pairs.map { TrendPoint(year: $0.0, value: $0.1) }
    }

    static func cagr(_ from: Double, _ to: Double, years: Double) -> Double {
        pow(to / from, 1 / years) - 1
    }

    @Test func onTrackIncreasingTarget() throws {
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, 50), (2020, 55)]), target: ProgressTarget(value: 60, year: 2030),
            direction: .higherIsBetter)
        let actual = Self.cagr(50, 55, years: 5)      // 1.92% a year
        let required = Self.cagr(50, 60, years: 15)   // 1.22% a year
        #expect(assessment.rateKind == .compound)
        #expect(S.close(assessment.actualAnnualRate, actual))
        #expect(S.close(assessment.requiredAnnualRate, required))
        #expect(S.close(assessment.ratio, actual / required))
        #expect(assessment.category == .onTrack)
    }

    @Test(arguments: [
        (52.0, ProgressCategory.accelerationNeeded),  // ratio 0.64
        (50.5, ProgressCategory.limitedProgress),     // ratio 0.16
        (50.0, ProgressCategory.limitedProgress),     // no change: ratio 0
        (48.0, ProgressCategory.deterioration),       // ratio -0.67
    ])
    func categoriesForIncreasingTarget(latest: Double, expected: ProgressCategory) throws {
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, 50), (2020, latest)]), target: ProgressTarget(value: 60, year: 2030),
            direction: .higherIsBetter)
        let ratio = Self.cagr(50, latest, years: 5) / Self.cagr(50, 60, years: 15)
        #expect(S.close(assessment.ratio, ratio, relative: 1e-12) || ratio == 0 && assessment.ratio == 0)
        #expect(assessment.category == expected)
    }

    @Test func decreasingTarget() throws {
        // Violence experienced: 20% in 2015, 16% in 2021, target 10% by 2030.
        let points = Self.series([(2015, 20), (2021, 16)])
        let target = ProgressTarget(value: 10, year: 2030)
        let assessment = try ProgressAssessment(series: points, target: target, direction: .lowerIsBetter)
        let ratio = Self.cagr(20, 16, years: 6) / Self.cagr(20, 10, years: 15)   // 0.81
        #expect(S.close(assessment.ratio, ratio))
        #expect(assessment.ratio ?? 0 > 0)
        #expect(assessment.category == .accelerationNeeded)
        // Rising violence is deterioration.
        let worse = try ProgressAssessment(
            series: Self.series([(2015, 20), (2021, 23)]), target: target, direction: .lowerIsBetter)
        #expect(worse.category == .deterioration)
    }

    @Test func targetMet() throws {
        let up = try ProgressAssessment(
            series: Self.series([(2015, 50), (2022, 61)]), target: ProgressTarget(value: 60, year: 2030),
            direction: .higherIsBetter)
        #expect(up.category == .targetMet)
        #expect(up.ratio == nil)
        let down = try ProgressAssessment(
            series: Self.series([(2015, 20), (2022, 10)]), target: ProgressTarget(value: 10, year: 2030),
            direction: .lowerIsBetter)
        #expect(down.category == .targetMet)
    }

    @Test func directionDecidesWhetherATargetIsMet() throws {
        // 16 against a target of 10: short of it when lower is better, beyond it when higher is.
        let points = Self.series([(2015, 20), (2021, 16)])
        let target = ProgressTarget(value: 10, year: 2030)
        #expect(try ProgressAssessment(series: points, target: target, direction: .lowerIsBetter).category == .accelerationNeeded)
        #expect(try ProgressAssessment(series: points, target: target, direction: .higherIsBetter).category == .targetMet)
    }

    @Test func fallingBackFromAMetTargetIsDeterioration() throws {
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, 65), (2020, 58)]), target: ProgressTarget(value: 60, year: 2030),
            direction: .higherIsBetter)
        #expect(assessment.category == .deterioration)
        #expect(assessment.ratio == nil)
    }

    @Test func zeroTargetUsesLinearRates() throws {
        // Share with no access: 8% in 2015, 5% in 2020, target 0 by 2030.
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, 8), (2020, 5)]), target: ProgressTarget(value: 0, year: 2030),
            direction: .lowerIsBetter)
        #expect(assessment.rateKind == .linear)
        #expect(S.close(assessment.actualAnnualRate, -0.6))
        #expect(S.close(assessment.requiredAnnualRate, -8.0 / 15))
        #expect(S.close(assessment.ratio, 0.6 / (8.0 / 15)))   // 1.125
        #expect(assessment.category == .onTrack)
    }

    @Test func zeroBaselineUsesLinearRates() throws {
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, 0), (2020, 10)]), target: ProgressTarget(value: 40, year: 2030),
            direction: .higherIsBetter)
        #expect(assessment.rateKind == .linear)
        #expect(S.close(assessment.ratio, 2 / (40.0 / 15)))    // 0.75
        #expect(assessment.category == .accelerationNeeded)
    }

    @Test func negativeValuesUseLinearRates() throws {
        // A net balance going from -4 to -1, target +2: linear ratio 0.6 / 0.4 = 1.5.
        let assessment = try ProgressAssessment(
            series: Self.series([(2015, -4), (2020, -1)]), target: ProgressTarget(value: 2, year: 2030),
            direction: .higherIsBetter)
        #expect(assessment.rateKind == .linear)
        #expect(S.close(assessment.ratio, (3.0 / 5) / (6.0 / 15)))
        #expect(assessment.category == .onTrack)
    }

    @Test func baselineYearPicksTheLastValueAtOrBeforeIt() throws {
        let assessment = try ProgressAssessment(
            series: Self.series([(2021, 50), (2010, 40), (2016, 46), (2014, 45)]), target: ProgressTarget(value: 60, year: 2030),
            direction: .higherIsBetter, baselineYear: 2015)
        #expect(assessment.baseline == TrendPoint(year: 2014, value: 45))
        #expect(assessment.latest == TrendPoint(year: 2021, value: 50))
        #expect(S.close(assessment.ratio, Self.cagr(45, 50, years: 7) / Self.cagr(45, 60, years: 16)))
        // Without a baseline year the first value is the baseline.
        let fromFirst = try ProgressAssessment(
            series: Self.series([(2021, 50), (2010, 40)]), target: ProgressTarget(value: 60, year: 2030), direction: .higherIsBetter)
        #expect(fromFirst.baseline?.year == 2010)
    }

    @Test func tooFewPointsAreNotAssessable() throws {
        let target = ProgressTarget(value: 60, year: 2030)
        let one = try ProgressAssessment(series: Self.series([(2020, 50)]), target: target, direction: .higherIsBetter)
        #expect(one.category == .notAssessable(.fewerThanTwoPoints))
        let none = try ProgressAssessment(series: [], target: target, direction: .higherIsBetter)
        #expect(none.category == .notAssessable(.fewerThanTwoPoints))
        let withMissing = try ProgressAssessment(
            series: Self.series([(2015, .nan), (2020, 50)]), target: target, direction: .higherIsBetter)
        #expect(withMissing.category == .notAssessable(.fewerThanTwoPoints))
        let nothingAfter = try ProgressAssessment(
            series: Self.series([(2015, 45), (2020, 50)]), target: target, direction: .higherIsBetter, baselineYear: 2022)
        #expect(nothingAfter.category == .notAssessable(.noPointAfterBaseline))
    }

    @Test func invalidSeriesAndTargetsAreRejected() {
        #expect(throws: ComparisonError.duplicateYear(2020)) {
            try ProgressAssessment(
                series: Self.series([(2015, 45), (2020, 50), (2020, 51)]), target: ProgressTarget(value: 60, year: 2030),
                direction: .higherIsBetter)
        }
        #expect(throws: ComparisonError.targetYearNotAfterBaseline(targetYear: 2014, baselineYear: 2015)) {
            try ProgressAssessment(
                series: Self.series([(2015, 45), (2020, 50)]), target: ProgressTarget(value: 60, year: 2014),
                direction: .higherIsBetter)
        }
        #expect(throws: ComparisonError.invalidTarget(.infinity)) {
            try ProgressAssessment(
                series: Self.series([(2015, 45), (2020, 50)]), target: ProgressTarget(value: .infinity, year: 2030),
                direction: .higherIsBetter)
        }
    }

    @Test func thresholdsAtTheirBoundaries() {
        #expect(ProgressAssessment.category(ratio: 0.95) == .onTrack)
        #expect(ProgressAssessment.category(ratio: 0.9499) == .accelerationNeeded)
        #expect(ProgressAssessment.category(ratio: 0.5) == .accelerationNeeded)
        #expect(ProgressAssessment.category(ratio: 0.4999) == .limitedProgress)
        #expect(ProgressAssessment.category(ratio: -0.1) == .limitedProgress)
        #expect(ProgressAssessment.category(ratio: -0.1001) == .deterioration)
    }

    @Test func everyClassificationHasADistinctPlainDescription() {
        let descriptions = [
            ProgressCategory.targetMet, .onTrack, .accelerationNeeded, .limitedProgress, .deterioration,
            .notAssessable(.fewerThanTwoPoints),
        ].map(\.description) + [
            GapVerdict.significantlyWorse, .noSignificantDifference, .significantlyBetter, .notEnoughData(.groupMissing),
        ].map(\.description) + [
            ChangeVerdict.progress, .noSignificantChange, .regression, .notEnoughData(.laterRoundMissing),
        ].map(\.description)
        #expect(Set(descriptions).count == descriptions.count)
        #expect(descriptions.allSatisfy { !$0.isEmpty && $0.hasSuffix(".") })
    }
}
