import Foundation
import Testing
import Survey

/// Every number in expected.csv (R `survey` 4.1.1) reproduced to the README's tolerance.
@Suite("R survey reference cases")
struct ReferenceCaseTests {
    @Test func everyReferenceCaseIsLoaded() throws {
        let data = try ReferenceData.loaded.get()
        #expect(data.cases.count == 145)
        #expect(data.designs.count == 7)
    }

    @Test(arguments: ReferenceData.casesOrEmpty)
    func reproducesR(_ reference: ReferenceCase) throws {
        let data = try ReferenceData.loaded.get()
        let estimate = try Self.compute(reference, designs: data.designs)
        for (name, expected, actual) in Self.pairs(reference, estimate) {
            let error = Self.relativeError(actual, expected)
            #expect(error <= reference.tolerance, "\(reference.id) \(name): expected \(expected), got \(actual) (relative error \(error))")
        }
    }

    @Test func worstRelativeErrorPerEstimator() throws {
        let data = try ReferenceData.loaded.get()
        var worst: [String: (Double, String)] = [:]
        for reference in data.cases {
            let estimate = try Self.compute(reference, designs: data.designs)
            for (name, expected, actual) in Self.pairs(reference, estimate) {
                let error = Self.relativeError(actual, expected)
                if error >= (worst[reference.estimator]?.0 ?? -1) { worst[reference.estimator] = (error, "\(reference.id) \(name)") }
            }
        }
        for (estimator, (error, at)) in worst.sorted(by: { $0.key < $1.key }) {
            print("worst relative error \(estimator): \(error) at \(at)")
        }
        #expect(worst.values.allSatisfy { $0.0 <= 1e-7 })
    }

    static func relativeError(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        return abs(actual - expected) / max(abs(expected), 1e-300)
    }

    static func pairs(_ reference: ReferenceCase, _ estimate: Estimate) -> [(String, Double, Double)] {
        var pairs: [(String, Double, Double)] = []
        if let expected = reference.estimate { pairs.append(("estimate", expected, estimate.value)) }
        if let expected = reference.standardError { pairs.append(("se", expected, estimate.standardError)) }
        if let expected = reference.lower { pairs.append(("ci_low", expected, estimate.interval?.lower ?? .nan)) }
        if let expected = reference.upper { pairs.append(("ci_high", expected, estimate.interval?.upper ?? .nan)) }
        return pairs
    }

    static func compute(_ reference: ReferenceCase, designs: [String: SurveyDesign]) throws -> Estimate {
        guard let design = designs[reference.design] else { throw ReferenceError(message: "No design \(reference.design)") }
        let domain = reference.domainVariable.flatMap { variable in reference.domainValue.map { Domain(variable, equals: $0) } }
        let level = reference.level ?? ""
        switch reference.estimator {
        case "mean":
            return try design.estimate(.mean(reference.variable), in: domain)
        case "total":
            return try design.estimate(.total(reference.variable), in: domain)
        case "ratio":
            let parts = reference.variable.split(separator: "/").map(String.init)
            return try design.estimate(.ratio(numerator: parts[0], denominator: parts[1]), in: domain)
        case "proportion":
            return try design.estimate(.proportion(reference.variable, level: level), in: domain, interval: .logit)
        case "proportion_korn_graubard":
            return try design.estimate(.proportion(reference.variable, level: level), in: domain, interval: .kornGraubard)
        case "gap_mean", "gap_proportion":
            guard let dimension = reference.domainVariable, let pair = reference.domainValue else {
                throw ReferenceError(message: "\(reference.id): a gap needs domain_var and domain_value")
            }
            let levels = pair.split(separator: ",").map(String.init)
            let statistic: Statistic = reference.estimator == "gap_mean"
                ? .mean(reference.variable) : .proportion(reference.variable, level: level)
            let byDomain = try design.estimates(statistic, by: [dimension])
            return try byDomain.difference([levels[0]], minus: [levels[1]])
        default:
            throw ReferenceError(message: "\(reference.id): unknown estimator \(reference.estimator)")
        }
    }
}
