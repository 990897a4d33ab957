/// An age band, such as 18-29 or 65+, with its SDMX AGE code (Y18T29, Y_GE65).
public struct AgeBand: Sendable, Hashable, Codable {
    public var lower: Int
    /// Inclusive; nil for an open band ("65+").
    public var upper: Int?

    public init(lower: Int, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// Reads "18-29" (inclusive) or "65+"; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("+"), let lower = Int(trimmed.dropLast()), lower >= 0 {
            self.init(lower: lower, upper: nil)
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]), lower >= 0, upper >= lower else { return nil }
        self.init(lower: lower, upper: upper)
    }

    public func contains(_ age: Int) -> Bool {
        age >= lower && (upper.map { age <= $0 } ?? true)
    }

    /// The SDMX code: "Y18T29", "Y_GE65".
    public var code: String {
        if let upper { "Y\(lower)T\(upper)" } else { "Y_GE\(lower)" }
    }

    /// "18–29", "65+".
    public var label: String {
        if let upper { "\(lower)–\(upper)" } else { "\(lower)+" }
    }

    /// Whether two bands share an age.
    public func overlaps(_ other: AgeBand) -> Bool {
        let end = upper ?? Int.max, otherEnd = other.upper ?? Int.max
        return lower <= otherEnd && other.lower <= end
    }
}
