import Foundation
import Frameworks
import Kits
import Survey
import Testing
@testable import Publishing

/// The open-data files of a round: the tidy table and the data package describe the same
/// numbers, and suppressed values are marked, never blank or zero.
@Suite("Open-data exports")
struct ExportTests {
    static func round(scale: Double) async throws -> (PublishedRound, Framework) {
        let kit = try KitLibrary.load("disability-barometer")
        let model = try #require(kit.synthetic)
        let results = await FrameworkComputation.compute(kit.framework, submissions: SyntheticGenerator.generate(model, sizeScale: scale))
        let round = PublishedRound(framework: kit.framework, results: results, rules: DisclosureRules(), projectSlug: "demo",
                                   projectName: "Demo", round: 1, roundLabel: "First", period: "2024", submissions: [:],
                                   computedAt: Date(timeIntervalSince1970: 1_700_000_000))
        return (round, kit.framework)
    }

    @Test("the tidy CSV has a row per published value, dimension columns with _T, and marks suppressed values")
    func tidyCSV() async throws {
        let (round, _) = try await Self.round(scale: 0.03)
        let table = TidyTable(round)
        let lines = table.csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "indicator,period,DISABILITY_STATUS,SEX,AGE,URBANISATION,value,ci_low,ci_high,standard_error,n,flags,unit")
        #expect(lines.count - 1 == round.indicators.map(\.values.count).reduce(0, +))
        let fields = lines.dropFirst().map { $0.components(separatedBy: ",") }
        let suppressed = fields.filter { $0[11].hasPrefix("S") }
        #expect(!suppressed.isEmpty, "a small sample must have suppressed values")
        #expect(suppressed.allSatisfy { $0[6] == TidyTable.suppressedMark && $0[10] == TidyTable.suppressedMark })
        let overall = try #require(fields.first { $0[2...5].allSatisfy { $0 == "_T" } })
        #expect(Double(overall[6]) != nil)
        // Values read back equal the published ones.
        for (line, row) in zip(fields, table.rows) where !row.value.isSuppressed {
            #expect(Double(line[6]) == row.value.value)
            #expect(Int(line[10]) == row.value.n)
        }
    }

    @Test("the data package names its resources, schema fields, keys and licence")
    func dataPackage() async throws {
        let (round, framework) = try await Self.round(scale: 0.1)
        let files = ExportFormat.datapackage.files(round, framework: framework)
        #expect(files.map(\.path) == ["datapackage.json", "results.csv", "indicators.csv"])
        let descriptor = try #require(try JSONSerialization.jsonObject(with: files[0].content) as? [String: Any])
        #expect(descriptor["name"] as? String == "demo-round-1")
        let resources = try #require(descriptor["resources"] as? [[String: Any]])
        #expect(resources.map { $0["name"] as? String } == ["results", "indicators"])
        let schema = try #require(resources[0]["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        let header = String(decoding: files[1].content, as: UTF8.self).components(separatedBy: "\r\n")[0]
        #expect(fields.joined(separator: ",") == header)
        #expect((schema["missingValues"] as? [String])?.contains(TidyTable.suppressedMark) == true)
        let catalogue = String(decoding: files[2].content, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(catalogue.count == framework.indicators.count + 1)
        #expect(catalogue[0].hasSuffix("title_en,title_fr"))
    }
}
