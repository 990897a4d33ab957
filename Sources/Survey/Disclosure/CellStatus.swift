/// Whether a cell's numbers may be shown, and if not, why not.
///
/// Reliability is deliberately not part of this: an unreliable estimate is still published,
/// with a caution (see `ProtectedCell.isUnreliable`).
public enum CellStatus: Sendable, Hashable, Codable {
    case published
    case suppressed(SuppressionReason)

    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }

    /// The suppression reason, or nil for a published cell.
    public var suppressionReason: SuppressionReason? {
        if case .suppressed(let reason) = self { return reason }
        return nil
    }
}
