import Testing
@testable import Forms

@Suite("RFC 4180 CSV reading")
struct CSVDocumentTests {
    private func fields(_ text: String) -> [[String]] {
        CSVDocument(parsing: text).records.map(\.fields)
    }

    @Test func plainFieldsAndTrailingEmptyCells() {
        #expect(fields("a,b,c\n1,,\n") == [["a", "b", "c"], ["1", "", ""]])
    }

    @Test func quotedFieldsWithCommasAndEscapedQuotes() {
        let document = CSVDocument(parsing: "\"a,b\",\"say \"\"hi\"\"\",\"\"\n")
        #expect(document.records.map(\.fields) == [["a,b", "say \"hi\"", ""]])
        #expect(document.unterminatedQuote == nil)
    }

    @Test func newlineInsideQuotesKeepsRecordTogetherAndCountsLines() {
        let document = CSVDocument(parsing: "x,\"line one\nline two\"\ny,z\n")
        #expect(document.records.map(\.fields) == [["x", "line one\nline two"], ["y", "z"]])
        // The second record starts on line 3 because the first spans lines 1-2.
        #expect(document.records.map(\.line) == [1, 3])
    }

    @Test func crlfLineEndingsAndCRLFInsideQuotes() {
        let document = CSVDocument(parsing: "a,b\r\n\"c\r\nd\",e\r\nf,g")
        #expect(document.records.map(\.fields) == [["a", "b"], ["c\nd", "e"], ["f", "g"]])
        #expect(document.records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkIsDropped() {
        let records = fields("\u{FEFF}survey,x\n")
        #expect(records == [["survey", "x"]])
        #expect(records.first?.first?.unicodeScalars.first == "s")
    }

    @Test func blankLinesAreSkippedButLineNumbersStayTrue() {
        let document = CSVDocument(parsing: "a\n\n\r\nb\n")
        #expect(document.records.map(\.fields) == [["a"], ["b"]])
        #expect(document.records.map(\.line) == [1, 4])
    }

    @Test func lastRecordWithoutNewline() {
        #expect(fields("a,b") == [["a", "b"]])
        #expect(fields("\"\"") == [[""]])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() {
        #expect(fields("5\" pipe,x\n") == [["5\" pipe", "x"]])
    }

    @Test func unterminatedQuoteKeepsEarlierRecordsAndSaysWhere() {
        let document = CSVDocument(parsing: "a,b\nc,\"open\nmore\n")
        #expect(document.records.map(\.fields) == [["a", "b"]])
        #expect(document.unterminatedQuote?.line == 2)
        #expect(document.unterminatedQuote?.fieldIndex == 1)
        #expect(document.unterminatedQuote?.precedingFields == ["c"])
    }
}
