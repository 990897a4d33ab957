/// The thresholds that decide what may be shown of a table of estimates.
///
/// Two separate questions are answered here:
/// - *Confidentiality*: a cell resting on fewer than `minimumCount` respondents (but at least one)
///   is too small to publish, because a reader who knows someone in it could learn about them.
/// - *Reliability*: an estimate whose relative standard error exceeds
///   `maximumRelativeStandardError` is still published, but flagged so readers treat it with caution.
///
/// Empty cells (n = 0) are never suppressed: a cell with nobody in it says nothing about any person,
/// and "nobody" is usually worth publishing. The flip side is that a published zero cannot hide
/// another cell, so empty cells are never chosen as secondary suppressions.
public struct DisclosureRules: Sendable, Hashable, Codable {
    /// Cells with `0 < n < minimumCount` unweighted respondents are suppressed. Default 10.
    /// Use at least 3: with 2, the footnote "Fewer than 2 respondents" itself says n = 1, and any
    /// table with a small cell ends up withheld.
    public var minimumCount: Int
    /// Estimates with standard error / |estimate| strictly above this are flagged unreliable.
    /// Default 0.30 (30%); exactly 0.30 is not flagged.
    public var maximumRelativeStandardError: Double

    public init(minimumCount: Int = 10, maximumRelativeStandardError: Double = 0.30) {
        self.minimumCount = minimumCount
        self.maximumRelativeStandardError = maximumRelativeStandardError
    }

    /// Whether a cell with `count` unweighted respondents must be suppressed for its own sake
    /// (primary suppression). Empty cells are not sensitive.
    public func isSensitive(count: Int) -> Bool {
        count > 0 && count < minimumCount
    }

    /// Whether an estimate is too imprecise to be read without a caution.
    ///
    /// Without a standard error there is nothing to judge, so the estimate is not flagged.
    /// An estimate of exactly 0 has no finite relative standard error: it is flagged when its
    /// standard error is positive (the zero could easily have been something else) and not when
    /// the standard error is also 0 (e.g. a proportion of 0 under simple random sampling).
    public func isUnreliable(estimate: Double?, standardError: Double?) -> Bool {
        guard let estimate, let standardError, estimate.isFinite, standardError.isFinite else {
            return false
        }
        if estimate == 0 {
            return standardError > 0
        }
        return abs(standardError / estimate) > maximumRelativeStandardError
    }
}
