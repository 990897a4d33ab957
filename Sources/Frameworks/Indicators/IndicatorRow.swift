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
