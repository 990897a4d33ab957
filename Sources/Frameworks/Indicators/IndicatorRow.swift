/// One line of an indicator table: a group (or everyone) with its count, total and share.
public struct IndicatorRow: Sendable, Codable, Equatable {
    /// The disaggregation choice name; nil for everyone.
    public var group: String?
    /// "All respondents" or the choice label.
    public var groupLabel: String
    /// Respondents in the group whose answer is the counted value.
    public var count: Int
    /// Respondents in the group who answered the question.
    public var total: Int
    /// count / total; nil when total is 0 (no data).
    public var share: Double?

    public init(group: String?, groupLabel: String, count: Int, total: Int, share: Double?) {
        self.group = group
        self.groupLabel = groupLabel
        self.count = count
        self.total = total
        self.share = share
    }
}

extension IndicatorRow {
    enum CodingKeys: String, CodingKey { case group, groupLabel, count, total, share }

    /// Writes `group` and `share` as explicit nulls, so that "no data" and "everyone" are
    /// visible in JSON rather than silently absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(groupLabel, forKey: .groupLabel)
        try container.encode(count, forKey: .count)
        try container.encode(total, forKey: .total)
        try container.encode(share, forKey: .share)
    }
}
