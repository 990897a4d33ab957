/// Estimates a proportion overall and by domain from per-respondent columns. Today it counts
/// (every respondent weighs 1); it is the seam where survey weights and design-based variance
/// will plug in without changing its callers.
public enum ProportionEstimator {
    /// - Parameters:
    ///   - outcomes: per respondent, true/false when in the universe, nil when missing (left out of
    ///     every denominator).
    ///   - domains: per respondent, the domain (group) or nil when unknown; such respondents count
    ///     in the overall estimate only.
    ///   - domainOrder: the domains to report, in order. Each appears even with no respondents
    ///     (0/0, share nil). Domains found in `domains` but not listed are appended in the order
    ///     they are first seen (on any respondent, even one whose outcome is missing).
    /// - Returns: the overall estimate first, then one per domain.
    ///
    /// If the arrays differ in length, the shorter one is treated as padded with nil.
    public static func estimate(outcomes: [Bool?], domains: [String?], domainOrder: [String]) -> [DomainEstimate] {
        var order: [String] = []
        var tallies: [String: Tally] = [:]
        for domain in domainOrder where tallies[domain] == nil {
            order.append(domain)
            tallies[domain] = Tally()
        }
        var overall = Tally()

        for index in 0..<max(outcomes.count, domains.count) {
            let outcome = index < outcomes.count ? outcomes[index] : nil
            let domain = index < domains.count ? domains[index] : nil
            if let domain, tallies[domain] == nil {
                order.append(domain)
                tallies[domain] = Tally()
            }
            guard let outcome else { continue }
            overall.add(outcome)
            if let domain { tallies[domain, default: Tally()].add(outcome) }
        }

        return [DomainEstimate(domain: nil, estimate: overall.estimate)]
            + order.map { DomainEstimate(domain: $0, estimate: (tallies[$0] ?? Tally()).estimate) }
    }

    /// Running unweighted counts for one domain.
    private struct Tally {
        var numerator = 0
        var denominator = 0

        mutating func add(_ outcome: Bool) {
            denominator += 1
            if outcome { numerator += 1 }
        }

        var estimate: ProportionEstimate {
            ProportionEstimate(numerator: numerator, denominator: denominator)
        }
    }
}
