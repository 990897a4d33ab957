/// A proportion with the unweighted counts it rests on. Counts travel with the share so a reader
/// can always see how many respondents a percentage is based on.
///
/// `share` is nil when the denominator is 0: "no data", which is not the same as 0%.
/// (Design-based estimation will later add weighted values and uncertainty alongside these counts.)
public struct ProportionEstimate: Sendable, Codable, Equatable {
    /// Respondents in the universe with the outcome.
    public var numerator: Int
    /// Respondents in the universe (outcome known).
    public var denominator: Int
    /// numerator / denominator, or nil when there is no data.
    public var share: Double?

    public init(numerator: Int, denominator: Int, share: Double?) {
        self.numerator = numerator
        self.denominator = denominator
        self.share = share
    }

    /// An estimate from counts; the share is derived (nil when `denominator` is 0).
    public init(numerator: Int, denominator: Int) {
        self.init(
            numerator: numerator,
            denominator: denominator,
            share: denominator == 0 ? nil : Double(numerator) / Double(denominator))
    }
}
