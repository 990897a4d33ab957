import Testing
@testable import Forms

/// Reads a workbook written as Markdown tables (see ``MarkdownWorkbook``).
func readForm(_ markdown: String, options: XLSFormReader.Options = .init()) throws(FormDefinitionError) -> FormDefinition {
    try XLSFormReader.read(MarkdownWorkbook.parse(markdown), options: options)
}

/// The problems a workbook is refused for; records a test issue when it is accepted.
func formRefusal(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FormProblem] {
    do {
        _ = try readForm(markdown)
        Issue.record("the workbook was accepted, but a refusal was expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.problems
    }
}

/// The form read from a workbook; records a test issue (with the problems) when it is refused.
func acceptedForm(_ markdown: String, options: XLSFormReader.Options = .init(),
              sourceLocation: SourceLocation = #_sourceLocation) -> FormDefinition? {
    do {
        return try readForm(markdown, options: options)
    } catch {
        Issue.record("the workbook was refused:\n\(error.description)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Expects exactly one problem, at `sheet`/`row`/`column`, whose message contains `text`.
func expectSingleProblem(_ problems: [FormProblem], sheet: String = "survey", row: Int?, column: String?, containing text: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(problems.count == 1, "problems: \(problems.map(\.description))", sourceLocation: sourceLocation)
    guard let problem = problems.first else { return }
    #expect(problem.file == "form.xlsx", sourceLocation: sourceLocation)
    #expect(problem.sheet == sheet, sourceLocation: sourceLocation)
    #expect(problem.row == row, sourceLocation: sourceLocation)
    #expect(problem.column == column, sourceLocation: sourceLocation)
    #expect(problem.message.contains(text), "message: \(problem.message)", sourceLocation: sourceLocation)
}

extension FormDefinition {
    /// The element with this name, searched depth first.
    func firstElement(named name: String) -> FormElement? {
        walk().first { $0.element.name == name }?.element
    }
}
