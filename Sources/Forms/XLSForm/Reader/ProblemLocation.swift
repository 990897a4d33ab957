/// Where a finding belongs: a sheet, a row and (when it is about one cell) a column header.
struct ProblemLocation: Sendable, Equatable {
    var sheet: String
    var row: Int
    var column: String?

    /// The same row, another column.
    func column(_ header: String?) -> ProblemLocation {
        ProblemLocation(sheet: sheet, row: row, column: header)
    }
}

extension FormProblemLog {
    mutating func error(at location: ProblemLocation, _ message: String) {
        error(sheet: location.sheet, row: location.row, column: location.column, message)
    }

    mutating func warning(at location: ProblemLocation, _ message: String) {
        warning(sheet: location.sheet, row: location.row, column: location.column, message)
    }
}
