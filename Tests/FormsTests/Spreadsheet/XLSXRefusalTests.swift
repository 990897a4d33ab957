import Foundation
import Testing
@testable import Forms

/// Files that are not readable workbooks: each refusal says what is wrong, and where.
@Suite("Refusing unreadable .xlsx files")
struct XLSXRefusalTests {
    private func refusal(_ data: Data, maximumPartSize: Int = XLSXPackage.defaultMaximumPartSize) -> SpreadsheetError? {
        do {
            _ = try Spreadsheet(xlsx: data, fileName: "survey.xlsx", maximumPartSize: maximumPartSize)
            return nil
        } catch {
            return error
        }
    }

    private func refusal(_ package: XLSXTestPackage) throws -> SpreadsheetError? {
        refusal(try package.data())
    }

    private func refusal(sheetData: String) throws -> SpreadsheetError? {
        try refusal(XLSXTestPackage.singleSheet(sheetData))
    }

    @Test func textThatIsNotAZip() throws {
        for data in [Data("survey,type,name\n".utf8), Data(), Data("PK\u{3}\u{4}broken".utf8)] {
            let error = try #require(refusal(data))
            #expect(error.kind == .notAWorkbook)
            #expect(error.description.hasPrefix("survey.xlsx: this is not an Excel .xlsx file"))
        }
    }

    @Test func oldBinaryExcelFile() throws {
        let data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        let error = try #require(refusal(data))
        #expect(error.kind == .legacyExcelFormat)
        #expect(error.description.contains("(.xls)"))
        #expect(error.description.contains("save it as Excel Workbook (.xlsx)"))
    }

    @Test func openDocumentSpreadsheet() throws {
        let data = try XLSXTestPackage.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", Data("<office:document-content/>".utf8)),
        ])
        let error = try #require(refusal(data))
        #expect(error.kind == .openDocumentFormat)
        #expect(error.description == "survey.xlsx: this is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in your spreadsheet program and save it as Excel Workbook (.xlsx).")
    }

    @Test func zipWithoutAWorkbook() throws {
        let data = try XLSXTestPackage.zip([("word/document.xml", Data("<document/>".utf8))])
        let error = try #require(refusal(data))
        #expect(error.kind == .notAWorkbook)
        #expect(error.description.hasPrefix("survey.xlsx: the workbook has no sheet list (xl/workbook.xml is missing); is this an Excel .xlsx file?"))
    }

    @Test func sheetPartMissing() throws {
        let package = XLSXTestPackage.singleSheet("").removing("xl/worksheets/sheet1.xml")
        let error = try #require(try refusal(package))
        #expect(error.kind == .missingPart)
        #expect(error.sheet == "survey")
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.description.hasPrefix("survey.xlsx, sheet survey (xl/worksheets/sheet1.xml): the workbook lists this sheet, but its cells (xl/worksheets/sheet1.xml) are missing"))
    }

    @Test func sheetRelationshipMissing() throws {
        let package = XLSXTestPackage.singleSheet("")
            .replacing("xl/_rels/workbook.xml.rels", with: XLSXTestPackage.relationshipsPart(""))
        let error = try #require(try refusal(package))
        #expect(error.kind == .missingPart)
        #expect(error.sheet == "survey")
        #expect(error.part == "xl/_rels/workbook.xml.rels")
    }

    @Test func malformedSheetXMLNamesTheLineAndCharacter() throws {
        let package = XLSXTestPackage.singleSheet("").replacing(
            "xl/worksheets/sheet1.xml",
            with: "<worksheet xmlns=\"\(XLSXTestPackage.mainNamespace)\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n</sheetData></worksheet>")
        let error = try #require(try refusal(package))
        #expect(error.kind == .malformedXML)
        #expect(error.sheet == "survey")
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.line == 3)
        #expect(error.character != nil)
        #expect(error.description.hasPrefix("survey.xlsx, sheet survey (xl/worksheets/sheet1.xml), line 3, character "))
        #expect(error.message.contains("not well-formed XML"))
    }

    @Test func malformedWorkbookAndSharedStrings() throws {
        let brokenWorkbook = XLSXTestPackage.singleSheet("").replacing("xl/workbook.xml", with: "<workbook><sheets>")
        let workbookError = try #require(try refusal(brokenWorkbook))
        #expect(workbookError.kind == .malformedXML)
        #expect(workbookError.part == "xl/workbook.xml")
        #expect(workbookError.sheet == nil)

        let brokenStrings = XLSXTestPackage.workbook(sheets: [("survey", "")], sharedStrings: ["<si><t>a</si>"])
        let stringsError = try #require(try refusal(brokenStrings))
        #expect(stringsError.kind == .malformedXML)
        #expect(stringsError.part == "xl/sharedStrings.xml")
    }

    @Test func documentTypeDeclarationsAreRefused() throws {
        let bomb = #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="\#(XLSXTestPackage.mainNamespace)"><si><t>&b;</t></si></sst>"#
        let package = XLSXTestPackage.workbook(sheets: [("survey", "")], sharedStrings: [])
            .replacing("xl/sharedStrings.xml", with: bomb)
        let error = try #require(try refusal(package))
        #expect(error.kind == .malformedXML)
        #expect(error.part == "xl/sharedStrings.xml")
        #expect(error.message.contains("document type declaration"))
    }

    @Test func partsThatUnpackTooLargeAreRefused() throws {
        #expect(XLSXPackage.defaultMaximumPartSize == 100 * 1024 * 1024)
        let rows = (1...200).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let data = try XLSXTestPackage.singleSheet(rows).data()
        let error = try #require(refusal(data, maximumPartSize: 2000))
        #expect(error.kind == .partTooLarge)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.sheet == "survey")
        #expect(error.message.contains("more than 2000 bytes"))
        // The same file is fine under the normal limit.
        #expect(refusal(data) == nil)
    }

    @Test func damagedZipEntry() throws {
        var data = try XLSXTestPackage.singleSheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>intact-marker</t></is></c></row>"#)
            .data(compressed: false)
        let marker = try #require(data.range(of: Data("intact-marker".utf8)))
        data[marker.lowerBound] = UInt8(ascii: "I")
        let error = try #require(refusal(data))
        #expect(error.kind == .unreadablePart)
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test func sharedTextIndexOutOfRange() throws {
        let package = XLSXTestPackage.workbook(
            sheets: [("survey", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row>"#)],
            sharedStrings: ["<si><t>type</t></si>"])
        let error = try #require(try refusal(package))
        #expect(error.kind == .unreadableCell)
        #expect(error.cell == "B1")
        #expect(error.line == nil)
        #expect(error.description.hasPrefix("survey.xlsx, sheet survey (xl/worksheets/sheet1.xml), cell B1: the cell refers to shared text number 5, but the workbook's text table (xl/sharedStrings.xml) has only 1 entries"))
    }

    @Test func unreadableValuesNameTheirCell() throws {
        let cases: [(String, String, String)] = [
            (#"<row r="2"><c r="C2"><v>abc</v></c></row>"#, "C2", "marked as a number but holds “abc”"),
            (#"<row r="3"><c r="A3" t="b"><v>yes</v></c></row>"#, "A3", "marked as TRUE/FALSE"),
            (#"<row r="4"><c r="D4" t="d"><v>someday</v></c></row>"#, "D4", "marked as a date"),
            (#"<row r="5"><c r="A5" t="d"><v>2024-02-30</v></c></row>"#, "A5", "not a date"),
        ]
        for (sheetData, cell, phrase) in cases {
            let error = try #require(try refusal(sheetData: sheetData))
            #expect(error.kind == .unreadableCell)
            #expect(error.cell == cell)
            #expect(error.message.contains(phrase))
        }
    }

    @Test(arguments: [#"<row r="1"><c r="A0"><v>1</v></c></row>"#, #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#,
                      #"<row r="1"><c r="1A"><v>1</v></c></row>"#, #"<row r="0"><c><v>1</v></c></row>"#,
                      #"<row r="abc"><c><v>1</v></c></row>"#, #"<row r="1048577"><c><v>1</v></c></row>"#])
    func impossibleReferencesAreRefusedWithTheirPosition(sheetData: String) throws {
        let error = try #require(try refusal(sheetData: sheetData))
        #expect(error.kind == .unreadableCell)
        #expect(error.sheet == "survey")
        #expect(error.line == 1)
        #expect(error.character != nil)
    }
}
