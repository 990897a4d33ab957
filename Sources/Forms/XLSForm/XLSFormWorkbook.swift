import Foundation

/// The sheets of a CSV XLSForm (pyxform's layout): a row whose first cell is non-empty names a
/// sheet; the next row with content is that sheet's header row (first cell empty); following rows
/// with an empty first cell are its data rows. As in pyxform, headers may also follow the sheet name
/// on the same row, rows whose cells are all empty are skipped, and a sheet named twice continues.
struct XLSFormWorkbook: Sendable {
    /// One run of rows under a single header row.
    struct Section: Sendable {
        /// Line of the header row; nil when the sheet name was not followed by one.
        var headerLine: Int?
        /// Header cells from the second CSV column on, trimmed.
        var headers: [String]
        var rows: [Row]

        /// Index of the column whose header equals `name` (case-insensitive, trimmed).
        func columnIndex(_ name: String) -> Int? {
            let wanted = name.lowercased()
            return headers.firstIndex { $0.lowercased() == wanted }
        }

        /// Index of column `name`, or else of the first column named `name::…` (a translated column).
        func columnIndex(preferring name: String) -> Int? {
            if let exact = columnIndex(name) { return exact }
            let prefix = name.lowercased() + "::"
            return headers.firstIndex { $0.lowercased().hasPrefix(prefix) }
        }
    }

    /// One data row: its line and its cells from the second CSV column on.
    struct Row: Sendable {
        var line: Int
        var cells: [String]

        /// Trimmed cell in column `index`; empty when the column or cell is absent.
        func value(at index: Int?) -> String {
            guard let index, index < cells.count else { return "" }
            return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Sections by lower-cased sheet name.
    var sheets: [String: [Section]] = [:]
    /// Sheet names in the order they first appear.
    var sheetOrder: [String] = []
    /// Problems found while splitting the file into sheets.
    var problems: [FormProblem] = []

    init(document: CSVDocument, fileName: String) {
        var currentSheet: String?
        for record in document.records {
            let first = record.fields.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let content = Array(record.fields.dropFirst())
            let contentIsEmpty = content.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !first.isEmpty {
                let name = first.lowercased()
                currentSheet = name
                if sheets[name] == nil { sheetOrder.append(name) }
                let section = contentIsEmpty
                    ? Section(headerLine: nil, headers: [], rows: [])
                    : Section(headerLine: record.line, headers: Self.trimmed(content), rows: [])
                sheets[name, default: []].append(section)
                continue
            }
            if contentIsEmpty { continue }
            guard let sheet = currentSheet, var sections = sheets[sheet], var section = sections.popLast() else {
                problems.append(FormProblem(
                    file: fileName, sheet: "", row: record.line,
                    message: "this row comes before any sheet name. The first cell of the first row must name a sheet, such as survey."))
                continue
            }
            if section.headerLine == nil {
                section.headerLine = record.line
                section.headers = Self.trimmed(content)
            } else {
                section.rows.append(Row(line: record.line, cells: content))
            }
            sections.append(section)
            sheets[sheet] = sections
        }

        if let quote = document.unterminatedQuote {
            problems.append(unterminatedQuoteProblem(quote, currentSheet: currentSheet, fileName: fileName))
        }
    }

    private func unterminatedQuoteProblem(
        _ quote: CSVDocument.UnterminatedQuote, currentSheet: String?, fileName: String
    ) -> FormProblem {
        let message = "a quoted cell is never closed: it opens with \" but the closing \" is missing, so the rest of the file could not be read. Add the missing quote."
        let first = quote.precedingFields.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if quote.fieldIndex > 0 && !first.isEmpty {
            // The record names a sheet; the open cell would have been a header.
            return FormProblem(file: fileName, sheet: first.lowercased(), row: quote.line, message: message)
        }
        var column: String?
        if quote.fieldIndex > 0, let sheet = currentSheet, let section = sheets[sheet]?.last,
           section.headerLine != nil, quote.fieldIndex - 1 < section.headers.count {
            let header = section.headers[quote.fieldIndex - 1]
            column = header.isEmpty ? nil : header
        }
        return FormProblem(file: fileName, sheet: currentSheet ?? "", row: quote.line, column: column, message: message)
    }

    /// All sections of a sheet (empty when the file has no such sheet).
    func sections(of sheet: String) -> [Section] {
        sheets[sheet] ?? []
    }

    private static func trimmed(_ cells: [String]) -> [String] {
        cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
