import Foundation
import Testing
@testable import Forms

/// Workbooks written by openpyxl (see Fixtures/README.md). The expected rows are what pyxform
/// reads from the same files (openpyxl in read-only, data-only mode, then `xlsx_value_to_str`),
/// with blank rows left out.
@Suite("Reading .xlsx files written by openpyxl")
struct XLSXFixtureTests {
    private func fixture(_ name: String) throws -> Spreadsheet {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try Spreadsheet(xlsx: Data(contentsOf: url), fileName: name)
    }

    @Test func basicForm() throws {
        let spreadsheet = try fixture("openpyxl-basic-form.xlsx")
        #expect(spreadsheet.fileName == "openpyxl-basic-form.xlsx")
        #expect(spreadsheet.sheets == [
            Sheet(name: "survey", rows: [
                SheetRow(number: 1, cells: ["type", "name", "label", "label::Français (fr)", "required", "relevant", "constraint"]),
                SheetRow(number: 2, cells: ["text", "full_name", "  What is your name? ", "Quel est votre nom ?", "yes"]),
                SheetRow(number: 3, cells: ["integer", "age", "How old are you?", "Quel âge avez-vous ?", "yes", "", ". >= 0 and . <= 120"]),
                SheetRow(number: 5, cells: ["select_one yes_no", "works", "Do you have paid work?", "Avez-vous un emploi rémunéré ?"]),
                SheetRow(number: 6, cells: ["note", "thanks", "Thank you very much", "", "", "${works} = 'yes'"]),
            ]),
            Sheet(name: "choices", rows: [
                SheetRow(number: 1, cells: ["list_name", "name", "label"]),
                SheetRow(number: 2, cells: ["yes_no", "yes", "Yes"]),
                SheetRow(number: 3, cells: ["yes_no", "no", "No"]),
                SheetRow(number: 4, cells: ["rating", "1", "One"]),
                SheetRow(number: 5, cells: ["rating", "2", "Two"]),
            ]),
            Sheet(name: "settings", rows: [
                SheetRow(number: 1, cells: ["form_title", "form_id", "version"]),
                SheetRow(number: 2, cells: ["Paid work", "paid_work", "2024031501"]),
            ]),
        ])
    }

    @Test func everyKindOfValue() throws {
        let spreadsheet = try fixture("openpyxl-values.xlsx")
        #expect(spreadsheet.sheets.map(\.name) == ["values"])
        #expect(spreadsheet.sheets.first?.rows == [
            SheetRow(number: 1, cells: ["kind", "value"]),
            SheetRow(number: 2, cells: ["formula"]),
            SheetRow(number: 3, cells: ["text formula"]),
            SheetRow(number: 4, cells: ["true", "TRUE"]),
            SheetRow(number: 5, cells: ["false", "FALSE"]),
            SheetRow(number: 6, cells: ["integer", "42"]),
            SheetRow(number: 7, cells: ["negative", "-7"]),
            SheetRow(number: 8, cells: ["float", "2.5"]),
            SheetRow(number: 9, cells: ["whole float", "3"]),
            SheetRow(number: 10, cells: ["tenth", "0.1"]),
            SheetRow(number: 11, cells: ["small", "1e-05"]),
            SheetRow(number: 12, cells: ["large", "150000000000000000000"]),
            SheetRow(number: 13, cells: ["date", "2024-03-15 00:00:00"]),
            SheetRow(number: 14, cells: ["datetime", "2024-03-15 10:30:15"]),
            SheetRow(number: 15, cells: ["time", "10:30:00"]),
            SheetRow(number: 16, cells: ["duration", "1 day, 2:00:00"]),
            SheetRow(number: 17, cells: ["two decimals", "1.5"]),
            SheetRow(number: 18, cells: ["custom date", "2023-03-15 00:00:00"]),
            SheetRow(number: 19, cells: ["error", "#N/A"]),
            SheetRow(number: 20, cells: ["spaces", "  padded  "]),
            SheetRow(number: 25, cells: ["", "", "", "far away"]),
            SheetRow(number: 30, cells: ["after a gap"]),
        ])
    }

    @Test func manySheetsInWorkbookOrder() throws {
        let spreadsheet = try fixture("openpyxl-many-sheets.xlsx")
        // The chart sheet ("chart") has no cells and is left out, as in pyxform.
        #expect(spreadsheet.sheets.map(\.name) == [
            "settings", "survey", "choices", "Notes and ideas", "données", "empty", "hidden",
            "external_choices", "entities", "Sheet 10", "Sheet 11",
        ])
        #expect(spreadsheet.sheet(named: "survey")?.rows == [
            SheetRow(number: 1, cells: ["type", "name", "label"]),
            SheetRow(number: 2, cells: ["text", "q1", "Question 1"]),
        ])
        #expect(spreadsheet.sheet(named: "empty")?.rows == [])
        for (index, name) in ["choices", "settings", "Notes and ideas", "données", "hidden", "external_choices", "entities", "Sheet 10", "Sheet 11"].enumerated() {
            let expectedIndex = index >= 4 ? index + 1 : index  // "empty" was number 5 and has no rows
            #expect(spreadsheet.sheet(named: name)?.rows == [
                SheetRow(number: 1, cells: ["column", "sheet"]),
                SheetRow(number: 2, cells: [String(expectedIndex), name]),
            ])
        }
    }
}
