/// Checks every `${name}` written anywhere pyxform looks (all survey columns but `type`, `name`
/// and `trigger`, the labels and media of the choices sheet, every settings cell): it must be well formed
/// and name exactly one question, group or repeat of the form. A reference that cannot be
/// resolved would otherwise only fail when the XForm is built or opened on a phone.
struct ReferenceCheck {
    /// How many elements carry each name, anywhere in the form.
    var nameCounts: [String: Int]

    /// Survey columns whose `${...}` are checked elsewhere or not at all.
    private static let skippedSurveyColumns: Set<String> = ["type", "name", "trigger"]

    func checkSurvey(_ table: SheetTable, log: inout FormProblemLog) {
        for row in table.rows {
            for (column, value) in table.cells(row) where !(column.key.count == 1 && Self.skippedSurveyColumns.contains(column.key[0])) {
                check(value, at: ProblemLocation(sheet: table.name, row: row.number, column: column.header), log: &log)
            }
        }
    }

    func checkChoices(_ table: SheetTable, log: inout FormProblemLog) {
        for row in table.rows {
            for (column, value) in table.cells(row) where column.key[0] == "label" || column.key[0] == "media" {
                check(value, at: ProblemLocation(sheet: table.name, row: row.number, column: column.header), log: &log)
            }
        }
    }

    func checkSettings(_ table: SheetTable, log: inout FormProblemLog) {
        for row in table.rows {
            for (column, value) in table.cells(row) {
                check(value, at: ProblemLocation(sheet: table.name, row: row.number, column: column.header), log: &log)
            }
        }
    }

    /// Checks one cell.
    func check(_ text: String, at location: ProblemLocation, log: inout FormProblemLog) {
        do {
            for reference in try VariableReference.scan(text) {
                checkName(reference.name, at: location, log: &log)
            }
        } catch {
            log.error(at: location, "the reference at character \(error.position) is malformed: write ${ then a question name then }, for example ${age}.")
        }
    }

    /// Checks that `name` names exactly one element.
    func checkName(_ name: String, at location: ProblemLocation, log: inout FormProblemLog) {
        switch nameCounts[name] ?? 0 {
        case 0:
            log.error(at: location, "${\(name)} refers to a question that does not exist: no row of the survey sheet is named '\(name)'.")
        case 1:
            break
        default:
            log.error(at: location, "${\(name)} is ambiguous: more than one question, group or repeat is named '\(name)'. Names used in references must be unique in the whole form.")
        }
    }
}
