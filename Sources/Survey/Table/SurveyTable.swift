/// A columnar table of survey answers: named columns of equal length. Estimation reads whole
/// columns at a time, so the table stores columns, not rows.
public struct SurveyTable: Sendable, Hashable {
    /// Column names in their original order.
    public private(set) var columnNames: [String]
    private var columnsByName: [String: TableColumn]
    /// The number of rows (every column has this many values).
    public let rowCount: Int

    /// A table from named columns, in order.
    /// - Throws: ``TableError`` when two columns share a name or lengths differ.
    public init(columns: [(name: String, column: TableColumn)]) throws(TableError) {
        var names: [String] = []
        var byName: [String: TableColumn] = [:]
        let rows = columns.first?.column.count ?? 0
        for (name, column) in columns {
            if byName[name] != nil { throw .duplicateColumn(name) }
            if column.count != rows {
                throw .columnLengthMismatch(column: name, rows: column.count, expected: rows)
            }
            names.append(name)
            byName[name] = column
        }
        self.columnNames = names
        self.columnsByName = byName
        self.rowCount = rows
    }

    /// The column called `name`, if there is one.
    public subscript(name: String) -> TableColumn? {
        columnsByName[name]
    }

    /// A copy with `column` added, or replacing the column of the same name.
    public func replacing(_ name: String, with column: TableColumn) throws(TableError) -> SurveyTable {
        if column.count != rowCount {
            throw .columnLengthMismatch(column: name, rows: column.count, expected: rowCount)
        }
        var copy = self
        if copy.columnsByName[name] == nil { copy.columnNames.append(name) }
        copy.columnsByName[name] = column
        return copy
    }
}
