import Testing
@testable import Forms

/// pyxform's CSV layout of a workbook, turned into the same `Spreadsheet` an `.xlsx` gives.
@Suite("Reading a CSV XLSForm as a spreadsheet")
struct SpreadsheetCSVTests {
    private func read(_ text: String) throws(SpreadsheetError) -> Spreadsheet {
        try Spreadsheet(csv: text, fileName: "survey.csv")
    }

    private func refusal(_ text: String) -> SpreadsheetError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func sheetNameRowThenHeaderAndDataRowsFromTheSecondColumn() throws {
        let spreadsheet = try read("survey,,,\n,type,name,label\n,text,q1,Name\n,integer,q2,Age\n")
        #expect(spreadsheet == Spreadsheet(fileName: "survey.csv", sheets: [
            Sheet(name: "survey", rows: [
                SheetRow(number: 2, cells: ["type", "name", "label"]),
                SheetRow(number: 3, cells: ["text", "q1", "Name"]),
                SheetRow(number: 4, cells: ["integer", "q2", "Age"]),
            ]),
        ]))
    }

    @Test func headersMayFollowTheSheetNameOnTheSameRow() throws {
        let spreadsheet = try read("survey,type,name\n,text,q1\nchoices,list_name,name\n,yn,yes\n")
        #expect(spreadsheet.sheets == [
            Sheet(name: "survey", rows: [SheetRow(number: 1, cells: ["type", "name"]), SheetRow(number: 2, cells: ["text", "q1"])]),
            Sheet(name: "choices", rows: [SheetRow(number: 3, cells: ["list_name", "name"]), SheetRow(number: 4, cells: ["yn", "yes"])]),
        ])
    }

    @Test func blankRowsAreSkippedButLineNumbersStayTrue() throws {
        let spreadsheet = try read("survey\n\n,type,name\n,,\n , ,  \n,text,q1\n")
        #expect(spreadsheet.sheets.first?.rows == [
            SheetRow(number: 3, cells: ["type", "name"]),
            SheetRow(number: 6, cells: ["text", "q1"]),
        ])
    }

    @Test func cellsAreKeptAsWrittenWithoutTrailingEmptyCells() throws {
        let spreadsheet = try read("survey\n,type,name,label,,\n,text, q1 ,,,\n")
        #expect(spreadsheet.sheets.first?.rows.map(\.cells) == [["type", "name", "label"], ["text", " q1 "]])
    }

    @Test func quotedCellsWithLineBreaksKeepTheLineTheRowStartsOn() throws {
        let spreadsheet = try read("survey\n,type,label\n,note,\"Two\nlines, with a comma\"\n,text,after\n")
        #expect(spreadsheet.sheets.first?.rows == [
            SheetRow(number: 2, cells: ["type", "label"]),
            SheetRow(number: 3, cells: ["note", "Two\nlines, with a comma"]),
            SheetRow(number: 5, cells: ["text", "after"]),
        ])
    }

    @Test func aSheetNamedAgainContinues() throws {
        let spreadsheet = try read("survey\n,type,name\n,text,q1\nchoices\n,list_name,name\n,yn,yes\nsurvey\n,type,name\n,integer,q2\n")
        #expect(spreadsheet.sheets.map(\.name) == ["survey", "choices"])
        #expect(spreadsheet.sheet(named: "survey")?.rows == [
            SheetRow(number: 2, cells: ["type", "name"]),
            SheetRow(number: 3, cells: ["text", "q1"]),
            SheetRow(number: 9, cells: ["integer", "q2"]),
        ])
    }

    @Test func aSheetNamedAgainWithOtherHeadersIsMergedByColumnName() throws {
        let spreadsheet = try read("survey,type,name,label\n,text,q1,Name\nSurvey ,name,hint,type\n,q2,Your age,integer\n,q3,,note\n")
        #expect(spreadsheet.sheets.count == 1)
        #expect(spreadsheet.sheets.first?.name == "survey")
        #expect(spreadsheet.sheets.first?.rows == [
            SheetRow(number: 1, cells: ["type", "name", "label", "hint"]),
            SheetRow(number: 2, cells: ["text", "q1", "Name"]),
            SheetRow(number: 4, cells: ["integer", "q2", "", "Your age"]),
            SheetRow(number: 5, cells: ["note", "q3"]),
        ])
    }

    @Test func aSheetNameWithoutRowsGivesAnEmptySheet() throws {
        let spreadsheet = try read("survey\n,type,name\n,text,q1\n settings \n")
        #expect(spreadsheet.sheets.map(\.name) == ["survey", "settings"])
        #expect(spreadsheet.sheet(named: "settings")?.rows == [])
    }

    @Test func byteOrderMarkAndWindowsLineEndings() throws {
        let spreadsheet = try read("\u{FEFF}survey,type,name\r\n,text,q1\r\n")
        #expect(spreadsheet.sheets == [
            Sheet(name: "survey", rows: [SheetRow(number: 1, cells: ["type", "name"]), SheetRow(number: 2, cells: ["text", "q1"])]),
        ])
    }

    @Test func aRowBeforeAnySheetNameIsRefusedWithItsLine() throws {
        let error = try #require(refusal("\n,type,name\nsurvey\n"))
        #expect(error.kind == .rowBeforeSheetName)
        #expect(error.line == 2)
        #expect(error.description == "survey.csv, line 2: this row comes before any sheet name. The first cell of the first row must name a sheet, such as survey.")
    }

    @Test func anUnterminatedQuoteIsRefusedWithItsLine() throws {
        let error = try #require(refusal("survey\n,type,label\n,note,\"never closed\n,text,q1\n"))
        #expect(error.kind == .unterminatedQuote)
        #expect(error.line == 3)
        #expect(error.sheet == "survey")
        #expect(error.description.hasPrefix("survey.csv, sheet survey, line 3: a quoted cell is never closed"))
    }

    @Test func anEmptyFileHasNoSheets() throws {
        #expect(try read("").sheets.isEmpty)
        #expect(try read("\n,,\n").sheets.isEmpty)
    }
}
