import Foundation
import Testing
@testable import Forms

/// Cell values from hand-written `.xlsx` parts, as pyxform would read them through openpyxl.
@Suite("Reading .xlsx cell values")
struct XLSXCellValueTests {
    private func cells(_ package: XLSXTestPackage) throws -> [[String]] {
        try Spreadsheet(xlsx: package.data(), fileName: "survey.xlsx").sheets.first?.rows.map(\.cells) ?? []
    }

    private func onlyCell(_ cellXML: String, styles: String? = nil, workbookProperties: String = "") throws -> String? {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1">\#(cellXML)</row>"#)], styles: styles, workbookProperties: workbookProperties)
        return try cells(package).first?.first
    }

    @Test func sharedStringsIncludingRichTextRunsAndPhoneticGuides() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v> 0 </v></c></row>"#)],
            sharedStrings: [
                "<si><t>type</t></si>",
                #"<si><r><rPr><b/></rPr><t>What is </t></r><r><t xml:space="preserve">your </t></r><r><rPr><i/></rPr><t>name?</t></r></si>"#,
                "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
            ])
        #expect(try cells(package) == [["type", "What is your name?", "東京", "type"]])
    }

    @Test func leadingAndTrailingWhitespaceIsKept() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">  two  </t></is></c><c r="C1" t="str"><v xml:space="preserve"> three</v></c></row>"#)],
            sharedStrings: [#"<si><t xml:space="preserve"> one\#t</t></si>"#])
        #expect(try cells(package) == [[" one\t", "  two  ", " three"]])
    }

    @Test func lineBreaksEscapesAndNonBreakingSpaces() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>a&#160;b</t></is></c></row>"#)],
            sharedStrings: ["<si><t>first line\nsecond_x000D_</t></si>", "<si><t>_x005F_x0041_ and _xZZZZ_</t></si>"])
        #expect(try cells(package) == [["first line\nsecond\r", "_x0041_ and _xZZZZ_", "a b"]])
    }

    @Test func inlineStringsWithRuns() throws {
        #expect(try onlyCell(#"<c r="A1" t="inlineStr"><is><r><t>Hel</t></r><r><rPr><b/></rPr><t>lo</t></r></is></c>"#) == "Hello")
        #expect(try onlyCell(#"<c r="A1" t="inlineStr"><is><t>plain</t></is></c>"#) == "plain")
    }

    @Test func formulasGiveTheirLastComputedResult() throws {
        #expect(try onlyCell(#"<c r="A1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>"#) == "ab")
        #expect(try onlyCell(#"<c r="A1"><f>1+2</f><v>3</v></c>"#) == "3")
        #expect(try onlyCell(#"<c r="A1" t="b"><f>1=1</f><v>1</v></c>"#) == "TRUE")
        // A formula never computed (as openpyxl writes them) has no value, as in pyxform.
        #expect(try onlyCell(#"<c r="A1"><f>1+2</f><v/></c><c r="B1" t="inlineStr"><is><t>x</t></is></c>"#) == "")
    }

    @Test(arguments: [
        ("3", "3"), ("3.0", "3"), ("-0", "0"), ("007", "7"), ("+5", "5"), ("2.5", "2.5"), ("1E-3", "0.001"),
        ("1e-05", "1e-05"), ("0.0001", "0.0001"), ("0.1", "0.1"), ("0.30000000000000004", "0.30000000000000004"),
        ("1.5E+20", "150000000000000000000"), ("1e16", "10000000000000000"), ("1e22", "10000000000000000000000"),
        ("12345678901234567890", "12345678901234567890"), ("-1.25e-7", "-1.25e-07"), ("123456.789", "123456.789"),
        ("5E-324", "5e-324"), ("9007199254740993", "9007199254740993"), ("0.5E1", "5"), ("100.5", "100.5"),
        ("1234567890123456.7", "1234567890123456.8"),
    ])
    func numbersAreWrittenAsPyxformWritesThem(stored: String, expected: String) throws {
        // Expected texts are Python's str() of openpyxl's value, as pyxform's xlsx_value_to_str gives.
        #expect(try onlyCell(#"<c r="A1"><v>\#(stored)</v></c>"#) == expected)
        #expect(try onlyCell(#"<c r="A1" t="n"><v>\#(stored)</v></c>"#) == expected)
    }

    @Test func theLargestNumberIsWrittenInFull() throws {
        let text = try onlyCell(#"<c r="A1"><v>1.7976931348623157E308</v></c>"#)
        #expect(text?.count == 309)
        #expect(text?.hasPrefix("17976931348623157081452742373170435679807056752584499659891747680315726") == true)
        #expect(text?.hasSuffix("4124858368") == true)
    }

    @Test func booleansAndErrors() throws {
        let package = XLSXTestPackage.singleSheet(
            #"<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><v>#DIV/0!</v></c></row>"#)
        #expect(try cells(package) == [["TRUE", "FALSE", "#N/A", "#DIV/0!"]])
    }

    @Test func isoDateCells() throws {
        #expect(try onlyCell(#"<c r="A1" t="d"><v>2024-03-15</v></c>"#) == "2024-03-15")
        #expect(try onlyCell(#"<c r="A1" t="d"><v>2024-03-15T10:30:00Z</v></c>"#) == "2024-03-15 10:30:00")
        #expect(try onlyCell(#"<c r="A1" t="d"><v>2024-03-15T10:30:00.5</v></c>"#) == "2024-03-15 10:30:00.500000")
        #expect(try onlyCell(#"<c r="A1" t="d"><v>10:30</v></c>"#) == "10:30:00")
    }

    // cellXfs: 0 General, 1 mm-dd-yy (14), 2 h:mm (20), 3 custom yyyy-mm-dd, 4 [h]:mm:ss (46),
    // 5 "0.00" (2), 6 custom with "d" only in a quoted literal, 7 custom with a colour and locale.
    private static let styles = #"""
        <numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/><numFmt numFmtId="166" formatCode="[Red][$-409]0.00"/></numFmts>
        <cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20"/><xf numFmtId="164"/><xf numFmtId="46"/><xf numFmtId="2"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
        """#

    @Test(arguments: [
        (1, "45000", "2023-03-15 00:00:00"),
        (1, "45000.5", "2023-03-15 12:00:00"),
        (1, "45000.123456789", "2023-03-15 02:57:46.667000"),
        (1, "0.999999999999", "1900-01-01 00:00:00"),
        (1, "60", "1900-02-28 00:00:00"),
        (1, "61", "1900-03-01 00:00:00"),
        (1, "-1", "1899-12-29 00:00:00"),
        (1, "2958465", "9999-12-31 00:00:00"),
        (1, "2958466", "#VALUE!"),
        (2, "0.5", "12:00:00"),
        (2, "0.99999999", "23:59:59.999000"),
        (3, "45000", "2023-03-15 00:00:00"),
        (4, "1.25", "1 day, 6:00:00"),
        (4, "0.5", "12:00:00"),
        (4, "-1.25", "-2 days, 18:00:00"),
        (4, "30.999999", "30 days, 23:59:59.914000"),
        (5, "45000", "45000"),
        (6, "2.5", "2.5"),
        (7, "45000", "45000"),
        (0, "45000", "45000"),
        (9, "45000", "45000"),  // a style the workbook does not define
    ])
    func dateStyledNumbersAreWrittenAsDates(style: Int, stored: String, expected: String) throws {
        // Expected texts are str() of openpyxl's from_excel() for the same serial and format.
        #expect(try onlyCell(#"<c r="A1" s="\#(style)"><v>\#(stored)</v></c>"#, styles: Self.styles) == expected)
    }

    @Test func workbooksCountingFrom1904() throws {
        let properties = #"<workbookPr date1904="1"/>"#
        #expect(try onlyCell(#"<c r="A1" s="1"><v>45000</v></c>"#, styles: Self.styles, workbookProperties: properties) == "2027-03-16 00:00:00")
        #expect(try onlyCell(#"<c r="A1" s="1"><v>1</v></c>"#, styles: Self.styles, workbookProperties: properties) == "1904-01-02 00:00:00")
        #expect(try onlyCell(#"<c r="A1" s="1"><v>-1</v></c>"#, styles: Self.styles, workbookProperties: properties) == "1903-12-31 00:00:00")
    }
}
