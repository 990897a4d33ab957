/// One design-based estimate with everything needed to judge it: the standard error and
/// interval, the degrees of freedom they rest on, how many respondents (and how much weight) it
/// comes from, the design effect, and notes on anything unusual in how it was computed.
public struct Estimate: Sendable, Hashable, Codable {
    /// The point estimate.
    public var value: Double
    /// The design-based (Taylor linearisation) standard error.
    public var standardError: Double
    /// The confidence interval, when one was asked for and can be formed.
    public var interval: ConfidenceInterval?
    /// Design degrees of freedom: PSUs minus strata among the rows in the domain.
    public var degreesOfFreedom: Int
    /// Rows that contribute (in the domain, value present, weight above 0).
    public var sampleSize: Int
    /// Sum of their weights: the estimated population size behind the estimate.
    public var weightedSize: Double
    /// Design variance over the variance of a simple random sample of the same size (as R's
    /// `deff = TRUE`); nil where not defined (ratios, contrasts).
    public var designEffect: Double?
    /// sampleSize / designEffect: the size of a simple random sample as precise as this one.
    public var effectiveSampleSize: Double?
    public var notes: [EstimateNote]

    public init(
        value: Double, standardError: Double, interval: ConfidenceInterval? = nil, degreesOfFreedom: Int,
        sampleSize: Int, weightedSize: Double, designEffect: Double? = nil, effectiveSampleSize: Double? = nil,
        notes: [EstimateNote] = []
    ) {
        self.value = value
        self.standardError = standardError
        self.interval = interval
        self.degreesOfFreedom = degreesOfFreedom
        self.sampleSize = sampleSize
        self.weightedSize = weightedSize
        self.designEffect = designEffect
        self.effectiveSampleSize = effectiveSampleSize
        self.notes = notes
    }

    /// The variance (standard error squared).
    public var variance: Double { standardError * standardError }
}
