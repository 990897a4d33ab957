/// Whether an estimate can take part in a comparison. A comparison with a missing or suppressed
/// side must say "not enough data" rather than compare against a placeholder number.
extension Estimate {
    /// Why this estimate cannot be compared, or nil when it can: no value, too few respondents
    /// (fewer than `minimumSampleSize`, the publication threshold) or no standard error.
    func comparabilityProblem(minimumSampleSize: Int, whenMissing missing: NotAssessableReason) -> NotAssessableReason? {
        if !value.isFinite || sampleSize < minimumSampleSize || notes.contains(.noData) { return missing }
        if !standardError.isFinite || standardError < 0 || notes.contains(.varianceUnavailable) { return .uncertaintyUnknown }
        return nil
    }
}

/// Checks shared by the comparisons' entry points.
enum ComparisonInput {
    static func check(confidenceLevel: Double, minimumSampleSize: Int) throws(ComparisonError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        guard minimumSampleSize >= 1 else { throw .invalidMinimumSampleSize(minimumSampleSize) }
    }
}
