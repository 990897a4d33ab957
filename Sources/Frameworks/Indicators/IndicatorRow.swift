/// One line of an indicator table: a group (or everyone) with its count, total and share, the
/// share's uncertainty, and what disclosure control decided about it.
public struct IndicatorRow: Sendable, Codable, Equatable {
    /// The disaggregation choice name; nil for everyone.
    public var group: String?
    /// "All respondents" or the choice label.
    public var groupLabel: String
    /// Respondents in the group whose answer is the counted value; nil when hidden.
    public var count: Int?
    /// Respondents in the group who answered the question (the estimate's unweighted n); nil when hidden.
    public var total: Int?
    /// count / total; nil when total is 0 (no data) or the row is hidden.
    public var share: Double?
    /// Design-based standard error of the share (each respondent a unit sampled with replacement).
    public var standardError: Double?
    /// 95% confidence interval of the share (logit, as R's `svyciprop`).
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Hidden by disclosure control: no number of this row may be shown.
    public var isHidden: Bool
    /// Shown, but the relative standard error is above the limit: use with caution.
    public var isUnreliable: Bool
    /// Footnotes that must be shown with the row (why it is hidden, or why it is unreliable).
    public var notes: [String]

    public init(group: String?, groupLabel: String, count: Int?, total: Int?, share: Double?, standardError: Double? = nil,
                ciLow: Double? = nil, ciHigh: Double? = nil, isHidden: Bool = false, isUnreliable: Bool = false, notes: [String] = []) {
        self.group = group
        self.groupLabel = groupLabel
        self.count = count
        self.total = total
        self.share = share
        self.standardError = standardError
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.isHidden = isHidden
        self.isUnreliable = isUnreliable
        self.notes = notes
    }
}

extension IndicatorRow {
    enum CodingKeys: String, CodingKey {
        case group, groupLabel, count, total, share, standardError, ciLow, ciHigh, isHidden = "hidden", isUnreliable = "unreliable", notes
    }

    /// Writes missing values as explicit nulls, so that "no data", "hidden" and "everyone" are
    /// visible in JSON rather than silently absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(groupLabel, forKey: .groupLabel)
        try container.encode(count, forKey: .count)
        try container.encode(total, forKey: .total)
        try container.encode(share, forKey: .share)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(ciLow, forKey: .ciLow)
        try container.encode(ciHigh, forKey: .ciHigh)
        try container.encode(isHidden, forKey: .isHidden)
        try container.encode(isUnreliable, forKey: .isUnreliable)
        try container.encode(notes, forKey: .notes)
    }
}
