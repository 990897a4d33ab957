/// A Sustainable Development Goal target ("8.5") or indicator ("8.5.2") that an indicator informs,
/// so a framework can be browsed by SDG and its results reported for SDG 17.18's call for
/// disaggregated data.
public struct SDGReference: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// As written: "8.5.2", "16.10", "16.a.1".
    public var code: String
    public var goal: Int
    /// The target, e.g. "8.5" or "16.a".
    public var target: String
    /// True for an SDG indicator code (three parts), false for a target (two parts).
    public var isIndicator: Bool

    /// Reads "GOAL.TARGET" or "GOAL.TARGET.INDICATOR"; nil for anything else. Goals are 1 to 17;
    /// targets are numbers or a lower-case letter.
    public init?(_ code: String) {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let goal = Int(parts[0]), (1...17).contains(goal) else { return nil }
        let isTarget: (String) -> Bool = { part in
            (!part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }) || (part.count == 1 && part.first.map { $0 >= "a" && $0 <= "z" } == true)
        }
        guard isTarget(parts[1]) else { return nil }
        if parts.count == 3 {
            guard !parts[2].isEmpty, parts[2].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        self.code = code
        self.goal = goal
        self.target = "\(parts[0]).\(parts[1])"
        self.isIndicator = parts.count == 3
    }

    public var description: String { code }

    /// Goal, then target and indicator in numeric order ("8.5.2" before "8.10.1").
    public static func < (lhs: SDGReference, rhs: SDGReference) -> Bool {
        sortKey(lhs.code).lexicographicallyPrecedes(sortKey(rhs.code))
    }

    private static func sortKey(_ code: String) -> [Int] {
        code.split(separator: ".").map { part in
            if let number = Int(part) { return number }
            return 1000 + Int(part.unicodeScalars.first?.value ?? 0)
        }
    }
}
