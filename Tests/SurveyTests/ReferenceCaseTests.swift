import Foundation
import Testing
import Survey

/// Every number in expected.csv (R `survey` 4.1.1) reproduced to the README's tolerance, through
/// the path `counted estimate` takes: an `EstimationRequest` run on the table, its CSV read back.
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
        let estimate = try Self.compute(reference, data: data)
        for (name, expected, actual) in Self.pairs(reference, estimate) {
            let error = Self.relativeError(actual, expected)
            #expect(error <= reference.tolerance, "\(reference.id) \(name): expected \(expected), got \(actual) (relative error \(error))")
        }
    }

    @Test func worstRelativeErrorPerEstimator() throws {
        let data = try ReferenceData.loaded.get()
        var worst: [String: (Double, String)] = [:]
        for reference in data.cases {
            let estimate = try Self.compute(reference, data: data)
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

    static func pairs(_ reference: ReferenceCase, _ row: ReportedRow) -> [(String, Double, Double)] {
        var pairs: [(String, Double, Double)] = []
        if let expected = reference.estimate { pairs.append(("estimate", expected, row.estimate)) }
        if let expected = reference.standardError { pairs.append(("se", expected, row.standardError)) }
        if let expected = reference.lower { pairs.append(("ci_low", expected, row.lower ?? .nan)) }
        if let expected = reference.upper { pairs.append(("ci_high", expected, row.upper ?? .nan)) }
        return pairs
    }

    /// The numbers of one printed row, read back from the CSV `counted estimate` prints.
    struct ReportedRow {
        var label: String
        var estimate: Double
        var standardError: Double
        var lower: Double?
        var upper: Double?
    }

    /// The request `counted estimate` would make for this case.
    static func request(_ reference: ReferenceCase, specification: DesignSpecification, population: SurveyTable?) throws -> EstimationRequest {
        let level = reference.level ?? ""
        let design = DesignColumns(weights: specification.weights, strata: specification.strata,
                                   clusters: specification.clusters?.values ?? [], fpc: specification.fpc?.values ?? [])
        let postStratification = try specification.poststrata.flatMap { column in
            try population.map { try EstimationRequest.PostStratification(column: column, table: $0) }
        }
        var statistic: Statistic
        var interval: IntervalMethod?
        switch reference.estimator {
        case "mean", "gap_mean": statistic = .mean(reference.variable)
        case "total": statistic = .total(reference.variable)
        case "ratio":
            let parts = reference.variable.split(separator: "/").map(String.init)
            statistic = .ratio(numerator: parts[0], denominator: parts[1])
        case "proportion", "gap_proportion": statistic = .proportion(reference.variable, level: level)
        case "proportion_korn_graubard":
            statistic = .proportion(reference.variable, level: level)
            interval = .kornGraubard
        default:
            throw ReferenceError(message: "\(reference.id): unknown estimator \(reference.estimator)")
        }
        var comparison: EstimationRequest.Comparison?
        if reference.estimator.hasPrefix("gap_") {
            guard let dimension = reference.domainVariable, let pair = reference.domainValue else {
                throw ReferenceError(message: "\(reference.id): a gap needs domain_var and domain_value")
            }
            let levels = pair.split(separator: ",").map(String.init)
            comparison = EstimationRequest.Comparison(column: dimension, first: levels[0], second: levels[1])
        }
        return EstimationRequest(design: design, postStratification: postStratification, statistic: statistic, interval: interval,
                                 by: comparison == nil ? reference.domainVariable : nil, comparison: comparison)
    }

    /// Runs the case as `counted estimate` does and reads its row back from the printed CSV.
    static func compute(_ reference: ReferenceCase, data: ReferenceData) throws -> ReportedRow {
        guard let specification = data.specifications[reference.design] else { throw ReferenceError(message: "No design \(reference.design)") }
        let table = try ReferenceData.table(specification.data)
        let population = try specification.population.map { try ReferenceData.table($0) }
        let report = try request(reference, specification: specification, population: population).run(on: table)
        let printed = try SurveyTable(csv: report.csv)
        let wanted = reference.estimator.hasPrefix("gap_") ? nil : (reference.domainValue ?? "")
        let labelColumn = reference.estimator.hasPrefix("gap_") ? "contrast" : "domain"
        for row in 0..<printed.rowCount where wanted == nil || (printed[labelColumn]?.label(at: row) ?? "") == wanted {
            func number(_ column: String) -> Double? {
                printed[column]?.label(at: row).flatMap(Double.init)
            }
            guard let estimate = number("estimate"), let standardError = number("se") else {
                throw ReferenceError(message: "\(reference.id): the printed row has no estimate or se:\n\(report.csv)")
            }
            return ReportedRow(label: printed[labelColumn]?.label(at: row) ?? "", estimate: estimate, standardError: standardError,
                               lower: number("ci_low"), upper: number("ci_high"))
        }
        throw ReferenceError(message: "\(reference.id): no printed row for '\(wanted ?? "")':\n\(report.csv)")
    }
}
