import Foundation
import Testing
@testable import Forms

/// Sheets, rows and columns of hand-written `.xlsx` files: order, gaps, references, relationships.
@Suite("Reading .xlsx sheets and rows")
struct XLSXWorkbookLayoutTests {
    private func read(_ package: XLSXTestPackage) throws -> Spreadsheet {
        try Spreadsheet(xlsx: package.data(), fileName: "survey.xlsx")
    }

    private static func inline(_ reference: String, _ text: String) -> String {
        #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
    }

    @Test func gapsBetweenCellsAndRowsKeepTheirPlaces() throws {
        let package = XLSXTestPackage.singleSheet(
            #"<row r="1">\#(Self.inline("A1", "type"))\#(Self.inline("C1", "label"))</row>"#
                + #"<row r="4">\#(Self.inline("B4", "q1"))<c r="E4"><v>5</v></c></row>"#
                + #"<row r="9"><c r="AA9"><v>1</v></c></row>"#)
        let rows = try read(package).sheets[0].rows
        #expect(rows == [
            SheetRow(number: 1, cells: ["type", "", "label"]),
            SheetRow(number: 4, cells: ["", "q1", "", "", "5"]),
            SheetRow(number: 9, cells: Array(repeating: "", count: 26) + ["1"]),
        ])
    }

    @Test func rowsAndCellsWithoutReferencesFollowThePreviousOne() throws {
        let package = XLSXTestPackage.singleSheet(
            #"<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>"#
                + #"<row><c r="C3"><v>2</v></c><c><v>3</v></c></row>"#
                + #"<row r="7" spans="1:2"><c r="$B$7"><v>4</v></c></row>"#)
        let rows = try read(package).sheets[0].rows
        #expect(rows == [
            SheetRow(number: 2, cells: ["a", "1"]),
            SheetRow(number: 3, cells: ["", "", "2", "3"]),
            SheetRow(number: 7, cells: ["", "4"]),
        ])
    }

    @Test func rowsWithOnlyBlankCellsAreLeftOut() throws {
        let package = XLSXTestPackage.singleSheet(
            #"<row r="1">\#(Self.inline("A1", "type"))</row>"#
                + #"<row r="2"><c r="A2" s="3"/><c r="B2" t="inlineStr"><is><t>   </t></is></c></row>"#
                + #"<row r="3"></row>"#
                + #"<row r="4"><c r="A4" t="str"><f>""</f><v></v></c></row>"#
                + #"<row r="5">\#(Self.inline("A5", "text"))<c r="B5" s="2"/><c r="C5" t="inlineStr"><is><t> </t></is></c></row>"#)
        let rows = try read(package).sheets[0].rows
        // A blank cell inside a row with content is kept as written.
        #expect(rows == [SheetRow(number: 1, cells: ["type"]), SheetRow(number: 5, cells: ["text", "", " "])])
    }

    @Test func severalSheetsInWorkbookOrderWithAbsoluteTargets() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [
                ("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
                ("choices", #"<row r="1"><c r="A1" t="s"><v>1</v></c></row>"#),
                ("Settings ", ""),
            ],
            sharedStrings: ["<si><t>type</t></si>", "<si><t>list_name</t></si>"],
            absoluteTargets: true)
        let spreadsheet = try read(package)
        #expect(spreadsheet == Spreadsheet(fileName: "survey.xlsx", sheets: [
            Sheet(name: "survey", rows: [SheetRow(number: 1, cells: ["type"])]),
            Sheet(name: "choices", rows: [SheetRow(number: 1, cells: ["list_name"])]),
            Sheet(name: "Settings ", rows: []),
        ]))
        #expect(spreadsheet.sheet(named: "settings")?.name == "Settings ")
    }

    @Test func sheetOrderComesFromTheWorkbookNotFromThePartNames() throws {
        var package = XLSXTestPackage.workbook(sheets: [
            ("first", #"<row r="1">\#(Self.inline("A1", "one"))</row>"#),
            ("second", #"<row r="1">\#(Self.inline("A1", "two"))</row>"#),
        ])
        // Point the first sheet at sheet2.xml and the second at sheet1.xml.
        package = package.replacing("xl/_rels/workbook.xml.rels", with: XLSXTestPackage.relationshipsPart(
            XLSXTestPackage.relationship(id: "rId1", kind: "worksheet", target: "worksheets/sheet2.xml")
                + XLSXTestPackage.relationship(id: "rId2", kind: "worksheet", target: "./worksheets/../worksheets/sheet1.xml")))
        let sheets = try read(package).sheets
        #expect(sheets.map(\.name) == ["first", "second"])
        #expect(sheets.map { $0.rows.first?.cells } == [["two"], ["one"]])
    }

    @Test func workbookElsewhereThanXLFolderIsFoundThroughPackageRelationships() throws {
        let sheet = XLSXTestPackage.worksheet(#"<row r="1">\#(Self.inline("A1", "moved"))</row>"#)
        let package = XLSXTestPackage(parts: [
            ("_rels/.rels", XLSXTestPackage.relationshipsPart(
                XLSXTestPackage.relationship(id: "rId1", kind: "officeDocument", target: "/book/main%20workbook.xml"))),
            ("book/main workbook.xml", #"<workbook xmlns="\#(XLSXTestPackage.mainNamespace)" xmlns:r="\#(XLSXTestPackage.relationshipNamespace)"><sheets><sheet name="survey" sheetId="1" r:id="rId7"/></sheets></workbook>"#),
            ("book/_rels/main workbook.xml.rels", XLSXTestPackage.relationshipsPart(
                XLSXTestPackage.relationship(id: "rId7", kind: "worksheet", target: "../sheets/s.xml"))),
            ("sheets/s.xml", sheet),
        ])
        #expect(try read(package).sheets == [Sheet(name: "survey", rows: [SheetRow(number: 1, cells: ["moved"])])])
    }

    @Test func prefixedElementsAndStrictNamespaces() throws {
        let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let sheet = #"<x:worksheet xmlns:x="\#(strict)"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="B1"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        let package = XLSXTestPackage.singleSheet("").replacing("xl/worksheets/sheet1.xml", with: sheet)
        #expect(try read(package).sheets[0].rows == [SheetRow(number: 1, cells: ["prefixed", "1.5"])])
    }

    @Test func chartSheetsAreLeftOut() throws {
        var package = XLSXTestPackage.workbook(sheets: [("survey", #"<row r="1">\#(Self.inline("A1", "type"))</row>"#)])
        package = package
            .replacing("xl/workbook.xml", with: #"<workbook xmlns="\#(XLSXTestPackage.mainNamespace)" xmlns:r="\#(XLSXTestPackage.relationshipNamespace)"><sheets><sheet name="Chart1" sheetId="2" r:id="rId2"/><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
            .replacing("xl/_rels/workbook.xml.rels", with: XLSXTestPackage.relationshipsPart(
                XLSXTestPackage.relationship(id: "rId1", kind: "worksheet", target: "worksheets/sheet1.xml")
                    + XLSXTestPackage.relationship(id: "rId2", kind: "chartsheet", target: "chartsheets/sheet1.xml")))
        #expect(try read(package).sheets.map(\.name) == ["survey"])
    }

    @Test func sharedStringsAndStylesAreFoundWithoutRelationshipsToo() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>"#)],
            sharedStrings: ["<si><t>shared</t></si>"],
            styles: #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#)
            .replacing("xl/_rels/workbook.xml.rels", with: XLSXTestPackage.relationshipsPart(
                XLSXTestPackage.relationship(id: "rId1", kind: "worksheet", target: "worksheets/sheet1.xml")))
        #expect(try read(package).sheets[0].rows == [SheetRow(number: 1, cells: ["shared", "2023-03-15 00:00:00"])])
    }

    @Test func sheetPartsLargerThanTenMegabytes() throws {
        // libxml2 refuses a document over 10 MB handed to it in one piece; the reader streams it.
        let text = String(repeating: "a", count: 6000)
        let rows = (1...2000).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>\#(text)</t></is></c></row>"# }.joined()
        let data = try XLSXTestPackage.singleSheet(rows).data(compressed: false)
        #expect(data.count > 12_000_000)
        let sheet = try #require(try Spreadsheet(xlsx: data, fileName: "survey.xlsx").sheets.first)
        #expect(sheet.rows.count == 2000)
        #expect(sheet.rows.last == SheetRow(number: 2000, cells: [text]))
    }

    @Test func anEmptyWorkbookHasNoSheets() throws {
        #expect(try read(XLSXTestPackage.workbook(sheets: [])).sheets.isEmpty)
    }

    @Test func storedEntriesWithoutCompressionAreRead() throws {
        let package = XLSXTestPackage.singleSheet(#"<row r="1">\#(Self.inline("A1", "stored"))</row>"#)
        let data = try package.data(compressed: false)
        #expect(try Spreadsheet(xlsx: data, fileName: "survey.xlsx").sheets[0].rows[0].cells == ["stored"])
    }
}
