import Foundation
import Testing
import Survey

/// The reference data of R's `survey` package (shared/reference/survey): designs and expected
/// estimates, loaded once for all reference tests.
struct ReferenceData: Sendable {
    let designs: [String: SurveyDesign]
    let specifications: [String: DesignSpecification]
    let cases: [ReferenceCase]

    /// The reference folder: $COUNTED_SHARED/reference/survey, else <worktree>/../shared/reference/survey.
    static var folder: URL {
        if let shared = ProcessInfo.processInfo.environment["COUNTED_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("reference/survey")
        }
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/reference/survey")
    }

    static let loaded: Result<ReferenceData, ReferenceError> = Result { () throws(ReferenceError) in try load() }

    static var casesOrEmpty: [ReferenceCase] {
        (try? loaded.get().cases) ?? []
    }

    static func table(_ file: String) throws(ReferenceError) -> SurveyTable {
        let url = folder.appendingPathComponent(file)
        do {
            return try SurveyTable(csv: try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw ReferenceError(message: "Cannot read \(url.path): \(error)")
        }
    }

    private static func load() throws(ReferenceError) -> ReferenceData {
        let specification: [String: DesignSpecification]
        do {
            let data = try Data(contentsOf: folder.appendingPathComponent("designs.json"))
            specification = try JSONDecoder().decode([String: DesignSpecification].self, from: data)
        } catch {
            throw ReferenceError(message: "Cannot read designs.json in \(folder.path): \(error)")
        }
        var designs: [String: SurveyDesign] = [:]
        for (name, spec) in specification {
            do {
                var design = try SurveyDesign(
                    data: try table(spec.data), weights: spec.weights, strata: spec.strata,
                    clusters: spec.clusters?.values ?? [], fpc: spec.fpc?.values ?? [])
                if let poststrata = spec.poststrata, let populationFile = spec.population {
                    let population = try table(populationFile)
                    var counts: [String: Double] = [:]
                    for row in 0..<population.rowCount {
                        if let level = population[poststrata]?.label(at: row), let count = population["Freq"]?.numbers?[row] {
                            counts[level] = count
                        }
                    }
                    design = try design.postStratified(by: poststrata, population: counts)
                }
                designs[name] = design
            } catch let error as ReferenceError {
                throw error
            } catch {
                throw ReferenceError(message: "Design \(name): \(error)")
            }
        }
        let expected = try table("expected.csv")
        var cases: [ReferenceCase] = []
        func text(_ column: String, _ row: Int) -> String? { expected[column]?.label(at: row) }
        func number(_ column: String, _ row: Int) -> Double? {
            guard let value = expected[column] else { return nil }
            if let numbers = value.numbers { return numbers[row] }
            return value.label(at: row).flatMap(Double.init)
        }
        for row in 0..<expected.rowCount {
            cases.append(ReferenceCase(
                id: text("case", row) ?? "?", design: text("design", row) ?? "?", estimator: text("estimator", row) ?? "?",
                variable: text("variable", row) ?? "?", domainVariable: text("domain_var", row),
                domainValue: text("domain_value", row), level: text("level", row),
                estimate: number("estimate", row), standardError: number("se", row),
                lower: number("ci_low", row), upper: number("ci_high", row)))
        }
        return ReferenceData(designs: designs, specifications: specification, cases: cases)
    }
}

struct ReferenceError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One design of designs.json.
struct DesignSpecification: Decodable, Sendable {
    var data: String
    var weights: String?
    var strata: String?
    var clusters: OneOrMany?
    var fpc: OneOrMany?
    var poststrata: String?
    var population: String?
}

/// A JSON value that is a string or an array of strings.
struct OneOrMany: Decodable, Sendable {
    var values: [String]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            values = [one]
        } else {
            values = try container.decode([String].self)
        }
    }
}

/// One row of expected.csv.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    var id: String
    var design: String
    var estimator: String
    var variable: String
    var domainVariable: String?
    var domainValue: String?
    var level: String?
    var estimate: Double?
    var standardError: Double?
    var lower: Double?
    var upper: Double?

    var testDescription: String {
        "\(id) \(design) \(estimator) \(variable)\(domainVariable.map { " by \($0)=\(domainValue ?? "")" } ?? "")"
    }

    /// The relative error allowed (README: 1e-9, or 1e-7 on proportion rows).
    var tolerance: Double {
        estimator.contains("proportion") ? 1e-7 : 1e-9
    }
}
