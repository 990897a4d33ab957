/// Reading CSV text (RFC 4180) into a table. Takes text, not a path, so the Survey module stays
/// free of I/O; callers read the file.
extension SurveyTable {
    /// Parses CSV text whose first line names the columns.
    ///
    /// - Cells may be quoted with `"`; a quoted cell may hold commas, line breaks and `""` for a
    ///   quote. Lines may end in LF or CRLF; a final line break is optional.
    /// - An empty cell (quoted or not) is a missing value.
    /// - A column becomes numbers when every non-empty cell in it parses as a number and none is
    ///   quoted (a quoted "0161" is an identifier, and keeps its leading zero); otherwise text.
    public init(csv: String) throws(TableError) {
        let records = try CSVRecords.parse(csv)
        guard let header = records.first else { throw .emptyText }
        let width = header.cells.count
        var texts = Array(repeating: [String?](), count: width)
        var quoted = Array(repeating: false, count: width)
        for column in 0..<width { texts[column].reserveCapacity(records.count - 1) }
        for record in records.dropFirst() {
            // A blank line (one empty unquoted cell) is skipped.
            if record.cells.count == 1, width > 1, record.cells[0].text.isEmpty, !record.cells[0].quoted { continue }
            guard record.cells.count == width else {
                throw .wrongCellCount(line: record.line, cells: record.cells.count, expected: width)
            }
            for (column, cell) in record.cells.enumerated() {
                texts[column].append(cell.text.isEmpty ? nil : cell.text)
                if cell.quoted, !cell.text.isEmpty { quoted[column] = true }
            }
        }
        var columns: [(name: String, column: TableColumn)] = []
        for (index, cell) in header.cells.enumerated() {
            columns.append((cell.text, Self.column(from: texts[index], quoted: quoted[index])))
        }
        try self.init(columns: columns)
    }

    private static func column(from texts: [String?], quoted: Bool) -> TableColumn {
        if quoted { return .text(texts) }
        var numbers: [Double?] = []
        numbers.reserveCapacity(texts.count)
        for text in texts {
            guard let text else { numbers.append(nil); continue }
            guard let number = Double(text.trimmingSpaces), number.isFinite else { return .text(texts) }
            numbers.append(number)
        }
        return .numbers(numbers)
    }
}

private extension String {
    var trimmingSpaces: Substring {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return slice
    }
}

/// The records of CSV text, each cell with whether it was quoted.
private enum CSVRecords {
    struct Cell {
        var text: String
        var quoted: Bool
    }

    struct Record {
        var line: Int
        var cells: [Cell]
    }

    static func parse(_ text: String) throws(TableError) -> [Record] {
        var records: [Record] = []
        var cells: [Cell] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        let bytes = Array(text.utf8)
        var index = 0

        func finishField() {
            cells.append(Cell(text: String(decoding: field, as: UTF8.self), quoted: quoted))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func finishRecord() {
            finishField()
            records.append(Record(line: recordLine, cells: cells))
            cells = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inQuotes = true
                    quoted = true
                    quoteLine = line
                case UInt8(ascii: ","):
                    finishField()
                case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                    break
                case UInt8(ascii: "\n"):
                    finishRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || quoted || !cells.isEmpty { finishRecord() }
        return records
    }
}
