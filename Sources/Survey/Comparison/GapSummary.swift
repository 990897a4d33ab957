/// Gaps across a whole framework counted into one headline ("Worse off in 3 of 8 areas"). A
/// reader of a public page needs the overall picture before the indicator-by-indicator detail,
/// and the headline must say how many areas could not be assessed, so that a missing indicator
/// is never silently counted as "no difference".
public struct GapSummary: Sendable, Hashable, Codable {
    public var worse: Int
    public var better: Int
    public var noSignificantDifference: Int
    public var notAssessable: Int

    public init(worse: Int, better: Int, noSignificantDifference: Int, notAssessable: Int) {
        self.worse = worse
        self.better = better
        self.noSignificantDifference = noSignificantDifference
        self.notAssessable = notAssessable
    }

    /// Counts the verdicts, one per area (indicator) of the framework.
    public init(verdicts: some Sequence<GapVerdict>) {
        self.init(worse: 0, better: 0, noSignificantDifference: 0, notAssessable: 0)
        for verdict in verdicts {
            switch verdict {
            case .significantlyWorse: worse += 1
            case .significantlyBetter: better += 1
            case .noSignificantDifference: noSignificantDifference += 1
            case .notEnoughData: notAssessable += 1
            }
        }
    }

    /// Counts the verdicts of these gaps, one per area of the framework.
    public init(gaps: some Sequence<Gap>) {
        self.init(verdicts: gaps.map(\.verdict))
    }

    /// All areas, assessable or not.
    public var total: Int { worse + better + noSignificantDifference + notAssessable }

    /// The headline, e.g. "Worse off in 3 of 8 areas." or, when some areas lack data,
    /// "Worse off in 3 of 8 areas (2 areas could not be assessed: not enough data)."
    public var sentence: String {
        if total == 0 { return "No areas to compare." }
        let headline = "Worse off in \(worse) of \(Self.areas(total))"
        if notAssessable == 0 { return headline + "." }
        return headline + " (\(Self.areas(notAssessable)) could not be assessed: not enough data)."
    }

    /// Every count in words, e.g. "3 worse off, 1 better off, 2 with no significant difference,
    /// 2 not assessable."
    public var breakdown: String {
        "\(worse) worse off, \(better) better off, \(noSignificantDifference) with no significant difference, "
            + "\(notAssessable) not assessable."
    }

    private static func areas(_ count: Int) -> String {
        count == 1 ? "1 area" : "\(count) areas"
    }
}
