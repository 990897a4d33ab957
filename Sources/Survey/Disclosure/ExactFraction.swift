/// A rational number kept in lowest terms, with every operation checked for overflow, so the
/// bounds check can compare values exactly instead of within a floating-point tolerance.
struct ExactFraction: Sendable, Hashable, Comparable {
    /// Signals that a numerator or denominator no longer fits in `Int`.
    struct Overflow: Error {}

    let numerator: Int
    /// Always positive.
    let denominator: Int

    static let zero = ExactFraction(integer: 0)
    static let one = ExactFraction(integer: 1)

    init(integer: Int) {
        numerator = integer
        denominator = 1
    }

    init(_ numerator: Int, _ denominator: Int) throws(Overflow) {
        guard denominator != 0 else { throw Overflow() }
        let divisor = Self.greatestCommonDivisor(numerator, denominator)
        var top = numerator / divisor
        var bottom = denominator / divisor
        if bottom < 0 {
            guard top != Int.min, bottom != Int.min else { throw Overflow() }
            top = -top
            bottom = -bottom
        }
        self.numerator = top
        self.denominator = bottom
    }

    var isZero: Bool { numerator == 0 }
    var isPositive: Bool { numerator > 0 }
    var isNegative: Bool { numerator < 0 }

    func adding(_ other: ExactFraction) throws(Overflow) -> ExactFraction {
        if denominator == other.denominator {
            return try ExactFraction(Self.checked(numerator.addingReportingOverflow(other.numerator)), denominator)
        }
        let left = try Self.checked(numerator.multipliedReportingOverflow(by: other.denominator))
        let right = try Self.checked(other.numerator.multipliedReportingOverflow(by: denominator))
        return try ExactFraction(
            Self.checked(left.addingReportingOverflow(right)),
            Self.checked(denominator.multipliedReportingOverflow(by: other.denominator)))
    }

    func subtracting(_ other: ExactFraction) throws(Overflow) -> ExactFraction {
        guard other.numerator != Int.min else { throw Overflow() }
        return try adding(ExactFraction(unreduced: -other.numerator, other.denominator))
    }

    func multiplied(by other: ExactFraction) throws(Overflow) -> ExactFraction {
        if isZero || other.isZero { return .zero }
        // Cross-reduce first to keep the products small.
        let a = Self.greatestCommonDivisor(numerator, other.denominator)
        let b = Self.greatestCommonDivisor(other.numerator, denominator)
        return try ExactFraction(
            Self.checked((numerator / a).multipliedReportingOverflow(by: other.numerator / b)),
            Self.checked((denominator / b).multipliedReportingOverflow(by: other.denominator / a)))
    }

    func divided(by other: ExactFraction) throws(Overflow) -> ExactFraction {
        guard !other.isZero else { throw Overflow() }
        return try multiplied(by: ExactFraction(other.denominator, other.numerator))
    }

    static func < (lhs: ExactFraction, rhs: ExactFraction) -> Bool {
        // Compared through full-width products, which cannot overflow.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    private init(unreduced numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    private static func checked(_ result: (partialValue: Int, overflow: Bool)) throws(Overflow) -> Int {
        if result.overflow { throw Overflow() }
        return result.partialValue
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var a = a.magnitude
        var b = b.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : Int(clamping: a)
    }
}
