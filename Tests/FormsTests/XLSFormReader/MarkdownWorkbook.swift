import Foundation
@testable import Forms

/// Builds a ``Spreadsheet`` from Markdown tables in pyxform's test layout, so each test shows
/// its workbook as an author would see it:
///
///     | survey |         |      |       |
///     |        | type    | name | label |
///     |        | integer | age  | Age   |
///
/// A line whose first cell is filled starts a sheet of that name (its other cells, if any, are
/// the sheet's first row). Other lines are rows of the current sheet, numbered from 1 in order;
/// lines whose cells are all empty are left out. Cells are trimmed.
enum MarkdownWorkbook {
    static func parse(_ text: String, fileName: String = "form.xlsx") -> Spreadsheet {
        var sheets: [Sheet] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else { continue }
            var cells = trimmed.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.last == "" { cells.removeLast() }
            guard let first = cells.first else { continue }
            let rest = Array(cells.dropFirst())
            if !first.isEmpty {
                sheets.append(Sheet(name: first, rows: []))
            }
            guard !sheets.isEmpty, rest.contains(where: { !$0.isEmpty }) else { continue }
            let number = sheets[sheets.count - 1].rows.count + 1
            sheets[sheets.count - 1].rows.append(SheetRow(number: number, cells: rest))
        }
        return Spreadsheet(fileName: fileName, sheets: sheets)
    }
}
