import Survey

/// An indicator's computed value: estimates for everyone and for each group of each
/// disaggregation, a structural assessment, or no data with the reason. "No data" is never zero.
public struct IndicatorOutcome: Sendable, Hashable, Codable {
    public var code: String
    /// The measure, as in framework files: "proportion", "mean", ..., "assessment".
    public var kind: String
    /// Overall first (no dimensions), then each grouping of the indicator's disaggregation, domains
    /// in level order. Domains with no rows are left out. Empty for an assessment or no data.
    public var values: [DomainValue]
    public var assessment: Assessment?
    /// Why there is no value, when there is none.
    public var noDataReason: String?

    public init(code: String, kind: String, values: [DomainValue] = [], assessment: Assessment? = nil, noDataReason: String? = nil) {
        self.code = code
        self.kind = kind
        self.values = values
        self.assessment = assessment
        self.noDataReason = noDataReason
    }

    /// The overall estimate, if any.
    public var overall: Estimate? { values.first { $0.dimensions.isEmpty }?.estimate }

    /// The estimate for one domain, e.g. (["SEX", "DISABILITY_STATUS"], ["F", "PD"]).
    public func value(dimensions: [String], levels: [String]) -> Estimate? {
        values.first { $0.dimensions == dimensions && $0.levels == levels }?.estimate
    }
}

/// An estimate for one domain: everyone (no dimensions), a group, or an intersection of groups.
public struct DomainValue: Sendable, Hashable, Codable {
    public var dimensions: [String]
    /// The SDMX code of each dimension's level.
    public var levels: [String]
    public var estimate: Estimate

    public init(dimensions: [String], levels: [String], estimate: Estimate) {
        self.dimensions = dimensions
        self.levels = levels
        self.estimate = estimate
    }
}

/// Every indicator of a framework, computed.
public struct FrameworkResults: Sendable, Hashable, Codable {
    public var outcomes: [IndicatorOutcome]

    public init(outcomes: [IndicatorOutcome]) {
        self.outcomes = outcomes
    }

    public subscript(code: String) -> IndicatorOutcome? {
        outcomes.first { $0.code == code }
    }
}
