/// The errors and warnings found while reading one workbook. Every rule adds to it instead of
/// stopping, so the author sees all that is wrong in one pass.
struct FormProblemLog: Sendable {
    /// The file name used in every problem.
    let file: String
    private(set) var errors: [FormProblem] = []
    private(set) var warnings: [FormProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Records something that makes the form unusable.
    mutating func error(sheet: String, row: Int? = nil, column: String? = nil, _ message: String) {
        errors.append(FormProblem(file: file, sheet: sheet, row: row, column: column, message: message))
    }

    /// Records something legal but suspect.
    mutating func warning(sheet: String, row: Int? = nil, column: String? = nil, _ message: String) {
        let problem = FormProblem(file: file, sheet: sheet, row: row, column: column, message: message)
        if !warnings.contains(problem) { warnings.append(problem) }
    }

    /// Problems ordered by sheet (in `sheetOrder`, problems on no sheet first), then by row;
    /// problems at the same place keep the order they were found in.
    static func ordered(_ problems: [FormProblem], sheetOrder: [String]) -> [FormProblem] {
        func sheetRank(_ sheet: String) -> Int {
            if sheet.isEmpty { return -1 }
            return sheetOrder.firstIndex(of: sheet) ?? sheetOrder.count
        }
        return problems.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            let (sheetA, sheetB) = (sheetRank(a.sheet), sheetRank(b.sheet))
            if sheetA != sheetB { return sheetA < sheetB }
            let (rowA, rowB) = (a.row ?? 0, b.row ?? 0)
            if rowA != rowB { return rowA < rowB }
            return left.offset < right.offset
        }.map(\.element)
    }
}
