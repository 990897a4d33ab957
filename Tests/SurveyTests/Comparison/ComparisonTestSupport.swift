import Foundation
import Survey

/// Small helpers shared by the comparison tests.
enum ComparisonTestSupport {
    /// z for a two-sided 95% interval, written out rather than taken from the engine.
    static let z95 = 1.959963984540054
    /// z for a two-sided 90% interval.
    static let z90 = 1.6448536269514722

    static func estimate(_ value: Double, se: Double, n: Int = 200, notes: [EstimateNote] = []) -> Estimate {
        Estimate(value: value, standardError: se, degreesOfFreedom: 30, sampleSize: n, weightedSize: Double(n), notes: notes)
    }

    static func close(_ actual: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
        guard let actual else { return false }
        if actual == expected { return true }
        return abs(actual - expected) <= relative * max(abs(expected), 1e-12)
    }
}
