import Testing
@testable import Survey

/// Quantiles and distribution functions against values from R (qt, qbeta, qnorm, pt, pbeta).
@Suite("Distributions")
struct DistributionTests {
    static func close(_ actual: Double, _ expected: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(actual - expected) <= tolerance * max(abs(expected), 1e-300)
    }

    @Test(arguments: [
        (0.975, 10.0, 2.2281388519862739),
        (0.025, 1.0, -12.7062047361747066),
        (0.999, 3.0, 10.2145318524073829),
        (0.975, 2.5, 3.5746548420036919),
        (1e-12, 4.0, -1316.0727465592572116),
    ])
    func studentTQuantile(p: Double, df: Double, expected: Double) {
        let actual = StudentTDistribution(degreesOfFreedom: df).quantile(p)
        #expect(Self.close(actual, expected), "qt(\(p), \(df)) = \(actual), R: \(expected)")
    }

    @Test func studentTKnownValue() {
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 10).quantile(0.975), 2.228138851986, 1e-12))
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: 5).cdf(2), 0.9490302605850709))
        #expect(StudentTDistribution(degreesOfFreedom: 7).quantile(0.5) == 0)
        #expect(StudentTDistribution(degreesOfFreedom: 0).quantile(0.9).isNaN)
        #expect(Self.close(StudentTDistribution(degreesOfFreedom: .infinity).quantile(0.975), 1.959963984540053605))
    }

    @Test(arguments: [
        (0.025, 2.0, 3.0, 0.067585986488542957),
        (0.975, 2.0, 3.0, 0.805879550316756621),
        (0.025, 150.5, 30.2, 0.775284649494953459),
        (0.975, 0.5, 0.5, 0.998458666866564037),
        (1e-8, 3.0, 40.0, 0.000095592566710267),
    ])
    func betaQuantile(p: Double, a: Double, b: Double, expected: Double) {
        let actual = BetaDistribution(alpha: a, beta: b).quantile(p)
        #expect(Self.close(actual, expected, 1e-11), "qbeta(\(p), \(a), \(b)) = \(actual), R: \(expected)")
    }

    @Test func betaCDF() {
        #expect(Self.close(BetaDistribution(alpha: 0.5, beta: 0.5).cdf(0.3), 0.369010119565545247))
        // Round trip through the quantile.
        let distribution = BetaDistribution(alpha: 12.5, beta: 80)
        for p in [0.001, 0.025, 0.5, 0.975, 0.999] {
            #expect(Self.close(distribution.cdf(distribution.quantile(p)), p, 1e-12))
        }
    }

    @Test func normal() {
        #expect(Self.close(NormalDistribution.quantile(0.975), 1.959963984540053605))
        #expect(Self.close(NormalDistribution.quantile(1e-10), -6.361340902404055697))
        #expect(Self.close(NormalDistribution.cdf(-3), 0.001349898031630095))
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(NormalDistribution.quantile(0) == -.infinity)
    }
}
