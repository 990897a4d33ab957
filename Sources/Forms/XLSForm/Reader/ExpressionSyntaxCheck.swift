/// Reads every expression cell with the form's expression parser, so a missing bracket or a
/// stray operator is reported at its sheet, row, column and character instead of when ODK
/// Collect fails to open the form. Cells holding a plain value (`required` = `yes`, a static
/// `default`) are not expressions and are left alone.
enum ExpressionSyntaxCheck {
    /// Survey columns (by key) that always hold an expression.
    private static let expressionKeys: [[String]] = [
        ["bind", "relevant"], ["bind", "constraint"], ["bind", "calculate"], ["choice_filter"],
        ["control", "jr:count"],
    ]

    /// Survey columns that hold yes/no or an expression.
    private static let flagKeys: [[String]] = [["bind", "required"], ["bind", "readonly"]]

    static func checkSurvey(_ table: SheetTable, log: inout FormProblemLog) {
        let typeIndex = table.columns.firstIndex { $0.key == ["type"] }
        for row in table.rows {
            for (position, column) in table.columns.enumerated() {
                let value = row.values[position]
                guard !value.isEmpty else { continue }
                let location = ProblemLocation(sheet: table.name, row: row.number, column: column.header)
                if expressionKeys.contains(column.key) {
                    check(value, at: location, log: &log)
                } else if flagKeys.contains(column.key), YesNo.parse(value) == nil {
                    check(value, at: location, log: &log)
                } else if column.key == ["default"] {
                    let type = typeIndex.map { row.values[$0] } ?? ""
                    if DynamicDefault.isDynamic(value, typeName: QuestionTypeCatalog.canonicalName(type)) {
                        check(value, at: location, log: &log)
                    }
                }
            }
        }
    }

    static func checkSettings(_ table: SheetTable, log: inout FormProblemLog) {
        guard let row = table.rows.first, let column = table.column(["instance_name"]),
              let value = table.value(row, ["instance_name"]) else { return }
        check(value, at: ProblemLocation(sheet: table.name, row: row.number, column: column.header), log: &log)
    }

    /// Parses one cell; malformed `${...}` are left to ``ReferenceCheck``, which reports them.
    static func check(_ text: String, at location: ProblemLocation, log: inout FormProblemLog) {
        guard (try? VariableReference.scan(text)) != nil else { return }
        do {
            _ = try Expression.parse(withoutLastSaved(text))
        } catch {
            log.error(at: location, error.message)
        }
    }

    /// `${last-saved#name}` written as `${name}` followed by spaces, so the parser (which does not
    /// know last-saved references) reads it and later characters keep their positions.
    static func withoutLastSaved(_ text: String) -> String {
        let marker = "${last-saved#"
        guard text.contains(marker) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "}") else {
                result += marker
                continue
            }
            result += "${" + rest[..<close] + "}" + String(repeating: " ", count: "last-saved#".count)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
