import Forms
import Foundation
import Frameworks
import Survey
import Testing
@testable import Publishing

/// The Excel workbook of a round, read back with Counted's own xlsx reader: the tidy table with
/// numbers as number cells and suppressed values as the word "suppressed", the indicator
/// catalogue, and a sheet that says whose data it is, under which licence and what was hidden.
@Suite("XLSX export")
struct XLSXExportTests {
    @Test("three sheets; results is the tidy table, numbers as numbers, suppressed as text; indicators is the catalogue")
    func workbook() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let table = TidyTable(round)
        let files = ExportFormat.xlsx.files(round, framework: framework)
        #expect(files.map(\.path) == ["demo-round-1.xlsx"])
        let spreadsheet = try Spreadsheet(xlsx: try ExportReading.file(files, "demo-round-1.xlsx").content, fileName: "demo-round-1.xlsx")
        #expect(spreadsheet.sheets.map(\.name) == ["results", "indicators", "about"])

        let results = try #require(spreadsheet.sheet(named: "results"))
        #expect(results.rows.first?.cells == table.header)
        #expect(results.rows.count == table.rows.count + 1)
        let numberColumns = ["value", "ci_low", "ci_high", "standard_error", "n"].compactMap { table.header.firstIndex(of: $0) }
        var suppressed = 0
        for (sheetRow, row) in zip(results.rows.dropFirst(), table.rows) {
            let cells = table.header.indices.map { sheetRow[$0] }
            #expect(Array(cells.prefix(2 + table.dimensions.count)) == [row.indicator, row.period] + row.levels)
            let numbers = [row.value.value, row.value.ciLow, row.value.ciHigh, row.value.standardError, row.value.n.map(Double.init)]
            if row.value.isSuppressed {
                suppressed += 1
                #expect(numberColumns.allSatisfy { cells[$0] == TidyTable.suppressedMark })
            } else {
                #expect(zip(numberColumns, numbers).allSatisfy { Double(cells[$0]) == $1 || (cells[$0].isEmpty && $1 == nil) })
            }
            #expect(cells[table.header.count - 2] == row.value.flags)
        }
        #expect(suppressed > 0)

        // Numbers are number cells, not text: the sheet part has a <v> for each number and an
        // inline string only for text.
        let workbook = ResultsWorkbook.workbook(round, framework: framework)
        let sheet = try #require(workbook.parts.first { $0.path == "xl/worksheets/sheet1.xml" }?.text)
        let numbersWritten = table.rows.filter { !$0.value.isSuppressed }
            .map { [$0.value.value, $0.value.ciLow, $0.value.ciHigh, $0.value.standardError, $0.value.n.map(Double.init)].compactMap { $0 }.count }
            .reduce(0, +)
        #expect(sheet.components(separatedBy: "<v>").count - 1 == numbersWritten)
        #expect(!sheet.contains("<v>\(TidyTable.suppressedMark)"))

        let indicators = try #require(spreadsheet.sheet(named: "indicators"))
        let catalogue = IndicatorCatalogue(framework)
        #expect(indicators.rows.map { row in catalogue.header.indices.map { row[$0] } } == [catalogue.header] + catalogue.rows)
    }

    @Test("the about sheet names the project, round, period and licence, with the disclosure note; text is escaped")
    func about() async throws {
        var (round, framework) = try await ExportTests.round(scale: 0.05)
        round.projectName = "Ana's <project> & co"
        let data = try #require(ExportFormat.xlsx.files(round, framework: framework).first?.content)
        let spreadsheet = try Spreadsheet(xlsx: data, fileName: "round.xlsx")
        let about = try #require(spreadsheet.sheet(named: "about"))
        let fields = Dictionary(about.rows.dropFirst().map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        #expect(fields["project"] == "Ana's <project> & co (demo)")
        #expect(fields["round"] == "1: First")
        #expect(fields["period"] == "2024")
        #expect(fields["licence"]?.hasPrefix("CC-BY-4.0") == true)
        #expect(fields["disclosure control"]?.contains("fewer than \(round.rules.minimumCount) respondents") == true)
    }

    @Test("columns are lettered as spreadsheets letter them")
    func columnNames() {
        #expect([0, 25, 26, 51, 52, 701, 702].map(XLSXWorkbook.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}
