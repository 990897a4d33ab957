/// What a reader of a published table sees of one cell's unweighted n: the number, or a mark
/// saying it is hidden and why.
///
/// The auditor works only from this view, so it judges a table with exactly the knowledge an
/// intruder has. Note that the reason is itself information: a cell marked "too few respondents"
/// is known to hold between 1 and `minimumCount - 1` respondents, and a cell hidden to protect
/// another is known to hold at least `minimumCount` (it was not small, and empty cells are never
/// hidden). The auditor uses those bounds, as an intruder would. Cells of a withheld table are
/// known only to be non-negative.
public enum PublishedCount: Sendable, Hashable, Codable {
    case shown(Int)
    case hidden(SuppressionReason)

    /// The view of a cell with `count` respondents and `status`.
    public init(count: Int, status: CellStatus) {
        switch status {
        case .published: self = .shown(count)
        case .suppressed(let reason): self = .hidden(reason)
        }
    }

    public var shownValue: Int? {
        if case .shown(let value) = self { return value }
        return nil
    }
}
