/// An estimate for one domain (sub-population) — or, with `domain` nil, for everyone — so overall
/// and disaggregated figures share one shape.
public struct DomainEstimate: Sendable, Codable, Equatable {
    /// The domain's name; nil for the overall population.
    public var domain: String?
    public var estimate: ProportionEstimate

    public init(domain: String?, estimate: ProportionEstimate) {
        self.domain = domain
        self.estimate = estimate
    }
}
