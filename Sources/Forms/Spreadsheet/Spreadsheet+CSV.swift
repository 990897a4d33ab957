import Foundation

extension Spreadsheet {
    /// Reads pyxform's CSV layout of a workbook: a row whose first cell is not empty names a
    /// sheet; the sheet's header row and data rows leave the first cell empty. Headers may follow
    /// the sheet name on the same row, rows with only blank cells are skipped, and a sheet named
    /// again continues (its new header row, if different, is merged into the first by column name).
    ///
    /// Each `Sheet` has its header row first; cells start from the second CSV column, are kept as
    /// written (not trimmed), and row numbers are CSV lines. Sheet names are trimmed.
    ///
    /// Throws, naming the line, for a quoted cell that is never closed and for a row with content
    /// before the first sheet name.
    public init(csv text: String, fileName: String) throws(SpreadsheetError) {
        let document = CSVDocument(parsing: text)
        var layout = CSVSheetLayout()
        for record in document.records {
            let first = record.fields.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let content = Array(record.fields.dropFirst())
            let hasContent = content.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !first.isEmpty {
                layout.startSection(named: first)
                if hasContent { layout.add(SheetRow(number: record.line, cells: content)) }
            } else if hasContent {
                guard layout.hasSheet else {
                    throw SpreadsheetError(
                        kind: .rowBeforeSheetName, fileName: fileName, line: record.line,
                        message: "this row comes before any sheet name. The first cell of the first row must name a sheet, such as survey.")
                }
                layout.add(SheetRow(number: record.line, cells: content))
            }
        }
        if let quote = document.unterminatedQuote {
            throw SpreadsheetError(
                kind: .unterminatedQuote, fileName: fileName, sheet: layout.currentSheetName, line: quote.line,
                message: "a quoted cell is never closed: it opens with \" but the closing \" is missing, so the rest of the file could not be read. Add the missing quote.")
        }
        self.init(fileName: fileName, sheets: layout.sheets)
    }
}

/// Gathers CSV rows into sheets: the first row after a sheet name is that section's header row.
/// When a sheet is named again with a different header row, later rows are moved into the first
/// header's columns by header name (new names become new columns), as pyxform reads each row
/// by its own section's headers.
private struct CSVSheetLayout {
    var sheets: [Sheet] = []
    private var current: Int?
    /// For the section being read: where each of its columns lands in the sheet; nil until its
    /// header row is read, identity when it is the sheet's first header.
    private var columnMap: [Int?]?
    private var awaitingHeader = false

    var hasSheet: Bool { current != nil }
    var currentSheetName: String? { current.map { sheets[$0].name } }

    mutating func startSection(named name: String) {
        let key = name.lowercased()
        if let index = sheets.firstIndex(where: { $0.name.lowercased() == key }) {
            current = index
        } else {
            sheets.append(Sheet(name: name, rows: []))
            current = sheets.count - 1
        }
        awaitingHeader = true
        columnMap = nil
    }

    mutating func add(_ row: SheetRow) {
        guard let current else { return }
        var row = row
        row.cells = Self.withoutTrailingEmptyCells(row.cells)
        if awaitingHeader {
            awaitingHeader = false
            readHeader(row, sheet: current)
        } else if let columnMap {
            row.cells = Self.move(row.cells, by: columnMap)
            sheets[current].rows.append(row)
        } else {
            sheets[current].rows.append(row)
        }
    }

    private mutating func readHeader(_ header: SheetRow, sheet index: Int) {
        guard var existing = sheets[index].rows.first else {
            sheets[index].rows.append(header)
            columnMap = nil
            return
        }
        let names = existing.cells.map(Self.headerName)
        if header.cells.map(Self.headerName) == names {
            columnMap = nil
            return
        }
        var map: [Int?] = []
        for cell in header.cells {
            let name = Self.headerName(cell)
            if name.isEmpty {
                map.append(nil)
            } else if let column = existing.cells.firstIndex(where: { Self.headerName($0) == name }) {
                map.append(column)
            } else {
                existing.cells.append(cell)
                map.append(existing.cells.count - 1)
            }
        }
        sheets[index].rows[0] = existing
        columnMap = map
    }

    private static func headerName(_ cell: String) -> String {
        cell.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func move(_ cells: [String], by map: [Int?]) -> [String] {
        var moved: [String] = []
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            guard index < map.count, let target = map[index] else { continue }
            if moved.count <= target { moved += Array(repeating: "", count: target + 1 - moved.count) }
            moved[target] = cell
        }
        return withoutTrailingEmptyCells(moved)
    }

    private static func withoutTrailingEmptyCells(_ cells: [String]) -> [String] {
        var cells = cells
        while cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}
