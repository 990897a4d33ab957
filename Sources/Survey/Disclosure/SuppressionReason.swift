/// Why a cell's numbers are hidden.
public enum SuppressionReason: Sendable, Hashable, Codable {
    /// Primary suppression: the cell rests on fewer than the minimum number of respondents.
    case tooFewRespondents
    /// Secondary suppression: the cell is large enough, but publishing it would let a reader
    /// work out a hidden cell by subtracting published numbers from published totals.
    case protectsHiddenCell
    /// Last resort: no pattern of hidden non-empty cells protects the table (e.g. a handful of
    /// respondents spread so that "fewer than 10" marks and published zeros pin them down), so
    /// every cell, empty ones included, is withheld and a reader learns nothing about its counts.
    case tableWithheld
}
