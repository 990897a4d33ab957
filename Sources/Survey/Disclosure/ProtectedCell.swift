/// One cell as it may be published: its status and notes always travel with its numbers.
///
/// A hidden cell carries no numbers at all — not its n, estimate or standard error — so no output
/// path can print them by mistake.
public struct ProtectedCell: Sendable, Hashable, Codable {
    public var coordinates: [String?]
    public var status: CellStatus
    /// The unweighted n as the reader sees it: the number, or the suppression mark.
    public var publishedCount: PublishedCount
    public var estimate: Double?
    public var standardError: Double?
    /// The estimate is shown but its relative standard error is above the rules' limit.
    /// Always false for hidden cells, which show no estimate.
    public var isUnreliable: Bool
    /// Footnotes to print with the cell, in a fixed order (suppression first, then reliability).
    public var notes: [DisclosureNote]

    /// Applies `status` to `cell`: hides its numbers if suppressed, flags reliability if shown.
    public init(cell: DisclosureCell, status: CellStatus, rules: DisclosureRules) {
        coordinates = cell.coordinates
        self.status = status
        publishedCount = PublishedCount(count: cell.count, status: status)
        switch status {
        case .published:
            estimate = cell.estimate
            standardError = cell.standardError
            isUnreliable = rules.isUnreliable(estimate: cell.estimate, standardError: cell.standardError)
            notes = isUnreliable ? [.unreliable(maximumRelativeStandardError: rules.maximumRelativeStandardError)] : []
        case .suppressed(let reason):
            estimate = nil
            standardError = nil
            isUnreliable = false
            switch reason {
            case .tooFewRespondents: notes = [.tooFewRespondents(minimumCount: rules.minimumCount)]
            case .protectsHiddenCell: notes = [.protectsHiddenCell]
            case .tableWithheld: notes = [.tableWithheld]
            }
        }
    }

    /// The unweighted n, or nil when the cell is hidden.
    public var count: Int? { publishedCount.shownValue }
}
