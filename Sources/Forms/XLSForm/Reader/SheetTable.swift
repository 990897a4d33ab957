/// One sheet after its header row is understood: each column has a key path (see
/// ``SheetVocabulary``), and each data row's cells are tidied and lined up with the columns.
struct SheetTable: Sendable {
    /// The sheet name as written in the workbook, used in problems.
    var name: String
    var columns: [Column]
    /// Row number of the header row (1 in a normal file).
    var headerRow: Int
    var rows: [Row]

    /// One column with a non-empty header.
    struct Column: Sendable, Equatable {
        /// Position in the sheet's cells (0-based).
        var index: Int
        /// The header as written (trimmed, inner spaces made single).
        var header: String
        /// The header's meaning, e.g. `["label", "fr"]`.
        var key: [String]
    }

    /// One data row: cells tidied, one per column of ``SheetTable/columns``.
    struct Row: Sendable, Equatable {
        var number: Int
        var values: [String]
    }

    /// Reads `sheet`: the first row with content is the header row. Reports duplicate headers,
    /// and headers that are two spellings of the same column.
    init(sheet: Sheet, vocabulary: SheetVocabulary, collapseSpaces: Bool, log: inout FormProblemLog) {
        name = sheet.name
        guard let header = sheet.rows.first else {
            columns = []
            headerRow = 1
            rows = []
            return
        }
        headerRow = header.number
        let headers = header.cells.map(CellText.cleanHeader)
        let useDoubleColon = headers.contains { $0.contains("::") }
        var columns: [Column] = []
        var seenHeaders: Set<String> = []
        var headerByKey: [[String]: String] = [:]
        for (index, text) in headers.enumerated() where !text.isEmpty {
            if seenHeaders.contains(text) {
                log.error(sheet: sheet.name, row: header.number, column: text,
                          "the column '\(text)' appears twice. Remove or rename one of them.")
                continue
            }
            seenHeaders.insert(text)
            let key = vocabulary.keyPath(of: text, useDoubleColon: useDoubleColon)
            if let other = headerByKey[key] {
                log.error(sheet: sheet.name, row: header.number, column: text,
                          "'\(other)' and '\(text)' are two names for the same column. Remove or rename one of them.")
                continue
            }
            headerByKey[key] = text
            columns.append(Column(index: index, header: text, key: key))
        }
        self.columns = columns
        rows = sheet.rows.dropFirst().map { row in
            Row(number: row.number, values: columns.map { CellText.clean(row[$0.index], collapseSpaces: collapseSpaces) })
        }
    }

    /// The first column whose key is exactly `key`.
    func column(_ key: [String]) -> Column? {
        columns.first { $0.key == key }
    }

    /// The header of the column with `key`, or `fallback` when the sheet has none.
    func header(_ key: [String], fallback: String) -> String {
        column(key)?.header ?? fallback
    }

    /// The non-empty value of `row` in the column with `key`.
    func value(_ row: Row, _ key: [String]) -> String? {
        guard let position = columns.firstIndex(where: { $0.key == key }) else { return nil }
        let value = row.values[position]
        return value.isEmpty ? nil : value
    }

    /// The non-empty cells of `row` with their columns, in column order.
    func cells(_ row: Row) -> [(column: Column, value: String)] {
        zip(columns, row.values).filter { !$0.1.isEmpty }.map { ($0.0, $0.1) }
    }
}
