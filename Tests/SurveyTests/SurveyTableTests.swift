import Testing
import Survey

@Suite("CSV into a survey table")
struct SurveyTableTests {
    @Test func quotesMissingValuesAndNumbers() throws {
        let csv = "id,name,score,note\r\n\"007\",\"Smith, J\",12.5,\"said \"\"hi\"\"\"\n\"008\",,,\"two\nlines\"\n"
        let table = try SurveyTable(csv: csv)
        #expect(table.rowCount == 2)
        #expect(table.columnNames == ["id", "name", "score", "note"])
        #expect(table["id"] == .text(["007", "008"]))
        #expect(table["name"] == .text(["Smith, J", nil]))
        #expect(table["score"] == .numbers([12.5, nil]))
        #expect(table["note"] == .text(["said \"hi\"", "two\nlines"]))
    }

    @Test func mixedColumnStaysText() throws {
        let table = try SurveyTable(csv: "a\n1\nx\n")
        #expect(table["a"] == .text(["1", "x"]))
        #expect(table["a"]?.label(at: 0) == "1")
    }

    @Test func numberLabels() throws {
        let table = try SurveyTable(csv: "a\n3\n0.5")
        #expect(table["a"]?.labels == ["3", "0.5"])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: TableError.wrongCellCount(line: 3, cells: 1, expected: 2)) {
            try SurveyTable(csv: "a,b\n1,2\n3\n")
        }
        #expect(throws: TableError.unterminatedQuote(line: 2)) {
            try SurveyTable(csv: "a\n\"open\n")
        }
        #expect(throws: TableError.duplicateColumn("a")) {
            try SurveyTable(csv: "a,a\n1,2\n")
        }
    }
}
