import Foundation

/// A workbook as an XLSForm reader sees it: named sheets of text cells, whatever file it came
/// from (`.xlsx` or pyxform's CSV layout). Keeping the file format out of the XLSForm rules means
/// both formats are checked by the same code and report problems the same way.
public struct Spreadsheet: Sendable, Equatable {
    /// The file name as the author knows it, used in problem messages ("survey.xlsx").
    public var fileName: String
    /// Sheets in workbook order.
    public var sheets: [Sheet]

    public init(fileName: String, sheets: [Sheet]) {
        self.fileName = fileName
        self.sheets = sheets
    }

    /// The sheet with this name, compared case-insensitively and trimmed, as pyxform does.
    public func sheet(named name: String) -> Sheet? {
        let wanted = name.lowercased()
        return sheets.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }
}

/// One sheet: its rows that have any content, in order. The first row is normally the header row.
public struct Sheet: Sendable, Equatable {
    /// The name as written in the file.
    public var name: String
    public var rows: [SheetRow]

    public init(name: String, rows: [SheetRow]) {
        self.name = name
        self.rows = rows
    }
}

/// One row with content. Empty rows are left out, but `number` stays the number the author sees
/// in their spreadsheet program (or the CSV line), so messages point to the right place.
public struct SheetRow: Sendable, Equatable {
    /// 1-based row number in the sheet (for CSV: the line in the file).
    public var number: Int
    /// Cell texts from the first column on; a missing cell is "". Numbers and booleans are
    /// already written as text the way pyxform writes them ("3", "2.5", "TRUE").
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in column `index` (0-based), or "" when the row is shorter.
    public subscript(index: Int) -> String {
        index >= 0 && index < cells.count ? cells[index] : ""
    }
}
