import Foundation
import Frameworks
import Survey
import Testing
@testable import Publishing

/// The Open SDG files of a round: one data file per indicator with numbers, in Open SDG's column
/// order, a blank for a total, no row for a suppressed value, and metadata that says who collected
/// the data, how it is computed and what disclosure control left out.
@Suite("Open SDG export")
struct OpenSDGExportTests {
    @Test("data files: Year first, Value last, a blank for a total, the tidy table's numbers, no suppressed row")
    func dataFiles() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let table = TidyTable(round)
        let files = ExportFormat.openSDG.files(round, framework: framework)
        let withNumbers = round.indicators.filter { indicator in
            table.rows.contains { $0.indicator == indicator.code && !$0.value.isSuppressed && $0.value.value != nil }
        }
        #expect(!withNumbers.isEmpty)
        #expect(files.filter { $0.path.hasPrefix("data/") }.map(\.path) == withNumbers.map { "data/indicator_\($0.code).csv" })
        #expect(files.filter { $0.path.hasPrefix("meta/") }.map(\.path) == withNumbers.map { "meta/\($0.code).md" })

        var suppressedLeftOut = 0
        for indicator in withNumbers {
            let (header, lines) = try ExportReading.csv(ExportReading.file(files, "data/indicator_\(indicator.code).csv"))
            #expect(header.first == "Year")
            #expect(header.last == "Value")
            let rows = table.rows.filter { $0.indicator == indicator.code }
            let shown = rows.filter { !$0.value.isSuppressed }
            suppressedLeftOut += rows.count - shown.count
            #expect(lines.count == shown.count)
            for (fields, row) in zip(lines, shown) {
                #expect(fields.first == row.period)
                #expect(Double(fields.last ?? "") == row.value.value, "\(indicator.code): a value is not the tidy table's")
                // Each disaggregation column holds the group's label, blank where the row is a total over it.
                for (column, dimension) in table.dimensions.enumerated() {
                    let level = row.levels[column]
                    if let index = header.firstIndex(of: DimensionCatalogue.label(of: dimension)) {
                        #expect(fields[index] == (level == TidyTable.total ? "" : framework.label(ofLevel: level, dimension: dimension)))
                    } else {
                        #expect(level == TidyTable.total, "\(indicator.code): no column for \(dimension)")
                    }
                }
                if let comment = header.firstIndex(of: "COMMENT_OBS") {
                    #expect(fields[comment] == (row.value.isUnreliable ? "Low reliability" : ""))
                } else {
                    #expect(!row.value.isUnreliable)
                }
            }
        }
        #expect(suppressedLeftOut > 0, "a small sample must have suppressed values to leave out")
    }

    @Test("metadata: the indicator configuration Open SDG requires, the source, the method and the disclosure note")
    func metadata() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let files = ExportFormat.openSDG.files(round, framework: framework)
        let table = TidyTable(round)
        for file in files where file.path.hasPrefix("meta/") {
            let text = ExportReading.text(file)
            let code = String(file.path.dropFirst("meta/".count).dropLast(".md".count))
            let indicator = try #require(framework.indicator(code: code))
            let parts = text.components(separatedBy: "---\n")
            #expect(parts.count == 3 && parts[0].isEmpty, "\(file.path): no YAML front matter")
            let frontMatter = parts.count > 1 ? parts[1] : ""
            let withheld = table.rows.filter { $0.indicator == code && $0.value.isSuppressed }.count
            for line in ["indicator_number: \"\(code)\"", "indicator_name: \"\(indicator.title.text())\"", "graph_type: \"bar\"",
                         "reporting_status: \"complete\"", "data_non_statistical: false", "standalone: true",
                         "computation_units: \"\(indicator.unit.rawValue.prefix(1).uppercased() + indicator.unit.rawValue.dropFirst())\""] {
                #expect(frontMatter.contains("\n" + line + "\n") || frontMatter.hasPrefix(line + "\n"), "\(file.path): no \(line)")
            }
            #expect(frontMatter.contains("organisation: \"Demo (citizen data)\""))
            #expect(frontMatter.contains("fewer than \(round.rules.minimumCount) respondents"))
            #expect(frontMatter.contains(withheld == 0 ? "No value of this indicator was suppressed" : "\(withheld) value"))
            for target in indicator.sdg { #expect(frontMatter.contains("SDG \(target.code)")) }
            for rights in indicator.rights { #expect(frontMatter.contains(rights.instrument.name)) }
            #expect(frontMatter.contains("questionnaire \(indicator.computation.form)"))
            #expect(parts.last?.contains("Disclosure control") == true)
        }
    }

    @Test("front-matter text is quoted so any title reads back as written")
    func quoting() {
        #expect(FrontMatterValue.text("yes: \"no\"\\").yaml(key: "k") == "k: \"yes: \\\"no\\\"\\\\\"\n")
        #expect(FrontMatterValue.text("a\nb\u{7}").yaml(key: "k") == "k: \"a\\nb\\u0007\"\n")
        #expect(FrontMatterValue.list([]).yaml(key: "tags") == "tags: []\n")
        #expect(OpenSDG.identifier("SDG.8.5-a") == "SDG-8-5-a")
    }
}
