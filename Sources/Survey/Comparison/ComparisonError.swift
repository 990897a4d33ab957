/// Why a comparison could not be set up, in words the person configuring it can act on. Missing
/// data is not an error (it gives a "not enough data" verdict); these are inputs that make no sense.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidConfidenceLevel(Double)
    /// A standard error that is negative or not a number.
    case invalidStandardError(Double)
    /// A reference for a proportion that is not a share between 0 and 1 (often a percentage
    /// given where a share was expected).
    case referenceNotAShare(Double)
    /// A covariance between rounds that is not a number or implies a negative variance.
    case invalidCovariance(Double)
    /// Two values for the same year in a trend.
    case duplicateYear(Int)
    case targetYearNotAfterBaseline(targetYear: Int, baselineYear: Int)
    /// A target value that is not a finite number.
    case invalidTarget(Double)
    case invalidMinimumSampleSize(Int)
    /// The estimation engine refused the comparison.
    case estimation(EstimationError)

    public var description: String {
        switch self {
        case .invalidConfidenceLevel(let level):
            "A confidence level must be between 0 and 1 (such as 0.95), not \(level)."
        case .invalidStandardError(let se):
            "A standard error must be a number of 0 or more, not \(se)."
        case .referenceNotAShare(let value):
            "The reference value \(value) is not a share between 0 and 1. If it is a percentage, enter it as a percentage (ExternalReference.percent)."
        case .invalidCovariance(let covariance):
            "The covariance \(covariance) between the two rounds is not possible with their standard errors (the variance of the change would be negative or undefined)."
        case .duplicateYear(let year):
            "The series has more than one value for \(year); keep one value per year."
        case .targetYearNotAfterBaseline(let targetYear, let baselineYear):
            "The target year \(targetYear) must come after the baseline year \(baselineYear)."
        case .invalidTarget(let value):
            "The target value must be a number, not \(value)."
        case .invalidMinimumSampleSize(let size):
            "The minimum sample size must be 1 or more, not \(size)."
        case .estimation(let error):
            error.description
        }
    }
}
