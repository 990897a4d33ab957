/// The values a hidden count could take as far as a reader can tell: `lower...upper`, with
/// `upper` nil when nothing published bounds the count from above.
public struct FeasibleRange: Sendable, Hashable, Codable {
    public var lower: Int
    public var upper: Int?

    public init(lower: Int, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// True when the reader can narrow the count to one value (or, for an inconsistent view,
    /// to none) — either way the cell is not protected.
    public var isSingleValue: Bool {
        guard let upper else { return false }
        return upper <= lower
    }
}
