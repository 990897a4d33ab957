/// One thing wrong with a questionnaire file, located precisely enough that the author can
/// open the file and fix it without help.
public struct FormProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// File name as the author knows it, e.g. "survey.csv".
    public var file: String
    /// Sheet the problem is on ("survey", "choices", "settings"); empty when it is on no sheet.
    public var sheet: String
    /// 1-based line in the CSV file, when the problem is on one line.
    public var row: Int?
    /// Column header the problem is in, when it is in one column.
    public var column: String?
    /// Plain-language explanation, including what to do when that is not obvious.
    public var message: String

    public init(file: String, sheet: String, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
    }

    /// e.g. "survey.csv, sheet survey, row 4, column type: unknown question type 'foo'. …"
    public var description: String {
        var location = [file]
        if !sheet.isEmpty { location.append("sheet \(sheet)") }
        if let row { location.append("row \(row)") }
        if let column { location.append("column \(column)") }
        return location.joined(separator: ", ") + ": " + message
    }
}
