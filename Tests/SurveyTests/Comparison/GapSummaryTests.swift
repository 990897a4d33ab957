import Testing
import Survey

@Suite("Gap summary across a framework")
struct GapSummaryTests {
    static let eightAreas: [GapVerdict] = [
        .significantlyWorse, .significantlyWorse, .significantlyWorse, .significantlyBetter,
        .noSignificantDifference, .noSignificantDifference, .notEnoughData(.groupMissing), .notEnoughData(.referenceMissing),
    ]

    @Test func countsAndSentenceWithUnassessableAreas() {
        let summary = GapSummary(verdicts: Self.eightAreas)
        #expect(summary.worse == 3)
        #expect(summary.better == 1)
        #expect(summary.noSignificantDifference == 2)
        #expect(summary.notAssessable == 2)
        #expect(summary.total == 8)
        #expect(summary.sentence == "Worse off in 3 of 8 areas (2 areas could not be assessed: not enough data).")
        #expect(summary.breakdown == "3 worse off, 1 better off, 2 with no significant difference, 2 not assessable.")
    }

    @Test func sentenceWithoutUnassessableAreas() {
        let summary = GapSummary(verdicts: Self.eightAreas.dropLast(2))
        #expect(summary.sentence == "Worse off in 3 of 6 areas.")
        let one = GapSummary(verdicts: [GapVerdict.noSignificantDifference, .notEnoughData(.uncertaintyUnknown)])
        #expect(one.sentence == "Worse off in 0 of 2 areas (1 area could not be assessed: not enough data).")
        #expect(GapSummary(verdicts: [GapVerdict]()).sentence == "No areas to compare.")
    }

    @Test func summaryFromGaps() throws {
        let reference = ExternalReference(value: 0.5, standardError: 0.01, source: "x")
        let gaps = try [
            Gap(group: ComparisonTestSupport.estimate(0.40, se: 0.01), reference: reference, scale: .proportion, direction: .higherIsBetter),
            Gap(group: ComparisonTestSupport.estimate(0.40, se: 0.01), reference: reference, scale: .proportion, direction: .lowerIsBetter),
            Gap(group: nil, reference: reference, scale: .proportion, direction: .higherIsBetter),
        ]
        let summary = GapSummary(gaps: gaps)
        #expect(summary == GapSummary(worse: 1, better: 1, noSignificantDifference: 0, notAssessable: 1))
        #expect(summary.sentence == "Worse off in 1 of 3 areas (1 area could not be assessed: not enough data).")
    }
}
