import CountedTestSupport
import Foundation
import Survey
import Testing

/// `counted estimate` run as a process on the reference data of R's survey package: the numbers
/// it prints are R's, and bad options are refused with a message naming what is wrong.
@Suite("counted estimate")
struct EstimateCommandTests {
    static var reference: URL {
        if let shared = ProcessInfo.processInfo.environment["COUNTED_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("reference/survey")
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/reference/survey")
    }

    /// expected.csv's numbers for one case: estimate, se, ci_low, ci_high (nil where R gives none).
    static func expected(_ id: String) throws -> [Double?] {
        let table = try SurveyTable(csv: try String(contentsOf: reference.appendingPathComponent("expected.csv"), encoding: .utf8))
        let row = try #require((0..<table.rowCount).first { table["case"]?.label(at: $0) == id })
        return ["estimate", "se", "ci_low", "ci_high"].map { column in table[column]?.label(at: row).flatMap(Double.init) }
    }

    static func close(_ actual: String, _ expected: Double?) -> Bool {
        guard let expected else { return actual.isEmpty }
        guard let value = Double(actual) else { return false }
        return abs(value - expected) <= 1e-9 * max(abs(expected), 1e-300)
    }

    @Test("a stratified mean by domain prints R's numbers, overall first")
    func stratifiedMeanByDomain() async throws {
        let data = Self.reference.appendingPathComponent("apistrat.csv").path
        let (status, output) = try await ServerProcess.run(["estimate", "--data", data, "--weights", "pw", "--strata", "stype", "--fpc", "fpc",
                                                            "--mean", "api00", "--by", "stype"])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["domain", "estimate", "se", "ci_low", "ci_high", "n"])
        #expect(lines.dropFirst().map { $0.first ?? "?" } == ["", "E", "H", "M"])
        for (line, id) in zip(lines.dropFirst(), ["c022", "c028", "c029"]) {
            let expected = try Self.expected(id)
            #expect(Self.close(line[1], expected[0]) && Self.close(line[2], expected[1]), "\(id): \(line)")
        }
        #expect(lines[1][5] == "200")
    }

    @Test("--compare prints the gap with R's interval; --proportion takes --ci korn-graubard")
    func compareAndProportion() async throws {
        let data = Self.reference.appendingPathComponent("apisrs.csv").path
        let gap = try await ServerProcess.run(["estimate", "--data", data, "--fpc", "fpc", "--mean", "api00", "--compare", "stype=E,H"])
        #expect(gap.status == 0, "\(gap.output)")
        let row = gap.output.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let expected = try Self.expected("c020")
        #expect(row[0] == "E minus H")
        #expect(zip(row.dropFirst(), expected).allSatisfy { Self.close($0, $1) }, "\(row) vs \(expected)")

        let share = try await ServerProcess.run(["estimate", "--data", data, "--fpc", "fpc", "--proportion", "sch.wide=Yes",
                                                 "--ci", "korn-graubard", "--format", "json"])
        #expect(share.status == 0, "\(share.output)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(share.output.utf8)) as? [[String: Any]])
        let kg = try Self.expected("c013")
        #expect(abs((objects[0]["ci_low"] as? Double ?? 0) - (kg[2] ?? 1)) < 1e-7)
    }

    @Test("bad options and bad data are refused with a message naming them")
    func refusals() async throws {
        let data = Self.reference.appendingPathComponent("apisrs.csv").path
        let none = try await ServerProcess.run(["estimate", "--data", data])
        #expect(none.status != 0)
        #expect(none.output.contains("--mean COL"))
        let unknown = try await ServerProcess.run(["estimate", "--data", data, "--mean", "height"])
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("height"))
        let missing = try await ServerProcess.run(["estimate", "--data", "/nonexistent/survey.csv", "--mean", "api00"])
        #expect(missing.status != 0)
        #expect(missing.output.contains("/nonexistent/survey.csv"))
        let badCompare = try await ServerProcess.run(["estimate", "--data", data, "--mean", "api00", "--compare", "stype"])
        #expect(badCompare.output.contains("COL=A,B"))
    }
}
