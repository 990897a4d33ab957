import Foundation

/// Turns the sheets of a CSV XLSForm into questions, choice lists and settings, recording a
/// located problem for everything it cannot accept instead of stopping at the first.
struct XLSFormSheetReader {
    /// The values of the settings sheet that the platform uses.
    struct Settings: Equatable {
        var formID: String?
        var title: String?
        var version: String?
    }

    let fileName: String
    let workbook: XLSFormWorkbook
    /// True when an unterminated quote hid the rest of the file. Then "missing" problems (no survey
    /// sheet, no header row, no questions, unknown choice list) are not reported: the missing part
    /// may simply be in the unread rest, and the quote problem already says so.
    let isTruncated: Bool
    private(set) var problems: [FormProblem] = []

    init(fileName: String, workbook: XLSFormWorkbook, isTruncated: Bool) {
        self.fileName = fileName
        self.workbook = workbook
        self.isTruncated = isTruncated
    }

    // MARK: choices

    mutating func readChoiceLists() -> [ChoiceList] {
        var lists: [ChoiceList] = []
        var listIndex: [String: Int] = [:]
        var firstRowOfChoice: [String: [String: Int]] = [:]

        for section in workbook.sections(of: "choices") {
            guard let headerLine = section.headerLine else {
                if isTruncated { continue }
                report("choices", message: "the choices sheet has no header row. Put list_name, name and label in the row after the sheet name.")
                continue
            }
            let listColumn = section.columnIndex("list_name") ?? section.columnIndex("list name")
            let nameColumn = section.columnIndex("name")
            let labelColumn = section.columnIndex(preferring: "label")
            if listColumn == nil {
                report("choices", row: headerLine, column: "list_name", message: "the choices sheet has no list_name column.")
            }
            if nameColumn == nil {
                report("choices", row: headerLine, column: "name", message: "the choices sheet has no name column.")
            }
            guard let listColumn, let nameColumn else { continue }

            for row in section.rows {
                let listName = row.value(at: listColumn)
                let name = row.value(at: nameColumn)
                if listName.isEmpty {
                    report("choices", row: row.line, column: section.headers[listColumn],
                           message: "this choice has no list_name, so no question can use it.")
                }
                if name.isEmpty {
                    report("choices", row: row.line, column: section.headers[nameColumn],
                           message: "this choice has no name. The name is what is stored when someone picks it.")
                }
                guard !listName.isEmpty else { continue }
                let index: Int
                if let existing = listIndex[listName] {
                    index = existing
                } else {
                    index = lists.count
                    listIndex[listName] = index
                    lists.append(ChoiceList(name: listName, choices: []))
                }
                guard !name.isEmpty else { continue }
                if let firstRow = firstRowOfChoice[listName]?[name] {
                    report("choices", row: row.line, column: section.headers[nameColumn],
                           message: "choice name '\(name)' is used twice in list '\(listName)' (first on row \(firstRow)). Each choice in a list needs its own name.")
                    continue
                }
                firstRowOfChoice[listName, default: [:]][name] = row.line
                let label = row.value(at: labelColumn)
                lists[index].choices.append(Choice(name: name, label: label.isEmpty ? name : label))
            }
        }
        return lists
    }

    // MARK: survey

    mutating func readQuestions(choiceLists: [ChoiceList]) -> [Question] {
        let sections = workbook.sections(of: "survey")
        guard !sections.isEmpty else {
            if isTruncated { return [] }
            let others = workbook.sheetOrder
            let found = others.isEmpty ? "" : " Sheets found: \(others.joined(separator: ", "))."
            report("survey", message: "the file has no survey sheet. A row whose first cell is survey must start it, followed by a header row with at least type and name.\(found)")
            return []
        }
        let listNames = Set(choiceLists.map(\.name))
        let hasChoicesSheet = !workbook.sections(of: "choices").isEmpty
        var questions: [Question] = []
        var firstRowOfName: [String: Int] = [:]
        var sawQuestionRow = false

        for section in sections {
            guard let headerLine = section.headerLine else {
                if isTruncated { continue }
                report("survey", message: "the survey sheet has no header row. Put type, name and label in the row after the sheet name.")
                continue
            }
            let typeColumn = section.columnIndex("type")
            let nameColumn = section.columnIndex("name")
            if typeColumn == nil {
                report("survey", row: headerLine, column: "type", message: "the survey sheet has no type column.")
            }
            if nameColumn == nil {
                report("survey", row: headerLine, column: "name", message: "the survey sheet has no name column.")
            }
            guard let typeColumn, let nameColumn else { continue }
            let labelColumn = section.columnIndex(preferring: "label")
            let hintColumn = section.columnIndex(preferring: "hint")
            let requiredColumn = section.columnIndex("required")
            let typeHeader = section.headers[typeColumn]
            let nameHeader = section.headers[nameColumn]

            for row in section.rows {
                let typeText = row.value(at: typeColumn)
                let name = row.value(at: nameColumn)
                // A row with neither type nor name (e.g. only a remark in another column) is a comment.
                if typeText.isEmpty && name.isEmpty { continue }
                sawQuestionRow = true
                var rowIsValid = true

                let type = questionType(typeText, row: row.line, column: typeHeader,
                                        listNames: listNames, hasChoicesSheet: hasChoicesSheet)
                if type == nil { rowIsValid = false }

                if name.isEmpty {
                    report("survey", row: row.line, column: nameHeader, message: "this question has no name. Every question needs a name; answers are stored under it.")
                    rowIsValid = false
                } else if !XLSFormName.isValid(name) {
                    report("survey", row: row.line, column: nameHeader, message: "'\(name)' is not a valid question name: \(XLSFormName.ruleDescription).")
                    rowIsValid = false
                } else if let firstRow = firstRowOfName[name] {
                    report("survey", row: row.line, column: nameHeader, message: "question name '\(name)' is used twice (first on row \(firstRow)). Each question needs its own name.")
                    rowIsValid = false
                } else {
                    firstRowOfName[name] = row.line
                }

                let requiredText = row.value(at: requiredColumn)
                let required = isRequired(requiredText)
                if required == nil {
                    report("survey", row: row.line, column: requiredColumn.map { section.headers[$0] } ?? "required",
                           message: "required must be yes or no (or left empty), not '\(requiredText)'.")
                    rowIsValid = false
                }

                let label = row.value(at: labelColumn)
                if type == .note && label.isEmpty {
                    report("survey", row: row.line, column: labelColumn.map { section.headers[$0] } ?? "label",
                           message: "this note has no label. A note only shows its label, so it needs one.")
                    rowIsValid = false
                }

                guard rowIsValid, let type else { continue }
                let hint = row.value(at: hintColumn)
                questions.append(Question(
                    name: name,
                    type: type,
                    label: label.isEmpty ? name : label,
                    hint: hint.isEmpty ? nil : hint,
                    required: type == .note ? false : (required ?? false),
                    row: row.line))
            }
        }
        if !sawQuestionRow && problems.isEmpty && workbook.problems.isEmpty && !isTruncated {
            report("survey", row: sections.first?.headerLine, message: "the survey sheet has no questions.")
        }
        return questions
    }

    private mutating func questionType(
        _ text: String, row: Int, column: String, listNames: Set<String>, hasChoicesSheet: Bool
    ) -> QuestionType? {
        if text.isEmpty {
            report("survey", row: row, column: column, message: "this question has no type. Supported for now: text, integer, select_one <list>, note.")
            return nil
        }
        guard let type = QuestionType(xlsFormName: text) else {
            let words = text.split(whereSeparator: { $0.isWhitespace })
            if words.count == 1, words[0].lowercased() == "select_one" {
                report("survey", row: row, column: column, message: "select_one needs the name of a choice list after it, for example 'select_one yes_no'.")
            } else {
                report("survey", row: row, column: column, message: "unknown question type '\(text)'. Supported for now: text, integer, select_one <list>, note.")
            }
            return nil
        }
        if case .selectOne(let list) = type, !listNames.contains(list) {
            if isTruncated { return type }
            let message = hasChoicesSheet
                ? "choice list '\(list)' is not on the choices sheet. Add its choices there with list_name \(list)."
                : "choice list '\(list)' cannot be found because the file has no choices sheet."
            report("survey", row: row, column: column, message: message)
            return nil
        }
        return type
    }

    /// true for yes/true/1, false for empty/no/false/0; nil for anything else.
    private func isRequired(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "1", "true()": true
        case "", "no", "false", "0", "false()": false
        default: nil
        }
    }

    // MARK: settings

    func readSettings() -> Settings {
        for section in workbook.sections(of: "settings") {
            guard let row = section.rows.first else { continue }
            func value(_ column: String) -> String? {
                let text = row.value(at: section.columnIndex(column))
                return text.isEmpty ? nil : text
            }
            return Settings(formID: value("form_id"), title: value("form_title"), version: value("version"))
        }
        return Settings()
    }

    private mutating func report(_ sheet: String, row: Int? = nil, column: String? = nil, message: String) {
        problems.append(FormProblem(file: fileName, sheet: sheet, row: row, column: column, message: message))
    }
}
