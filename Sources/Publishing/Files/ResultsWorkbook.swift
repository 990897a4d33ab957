import Foundation
import Frameworks

/// A published round as one Excel workbook: "results" (the tidy table, numbers as number cells
/// and suppressed values as the word "suppressed"), "indicators" (what each code means) and
/// "about" (whose data it is, for which period, under which licence, and what disclosure
/// control did to it), so the file explains itself when it is passed on without its web page.
enum ResultsWorkbook {
    static func workbook(_ round: PublishedRound, framework: Framework) -> XLSXWorkbook {
        let table = TidyTable(round)
        let catalogue = IndicatorCatalogue(framework)
        let mark = XLSXWorkbook.Cell.text(TidyTable.suppressedMark)
        func number(_ value: Double?, of row: TidyTable.Row) -> XLSXWorkbook.Cell {
            if row.value.isSuppressed { return mark }
            return value.map(XLSXWorkbook.Cell.number) ?? .empty
        }
        let results = [table.header.map(XLSXWorkbook.Cell.text)] + table.rows.map { row -> [XLSXWorkbook.Cell] in
            let value = row.value
            return ([row.indicator, row.period] + row.levels).map(XLSXWorkbook.Cell.text) + [
                number(value.value, of: row), number(value.ciLow, of: row), number(value.ciHigh, of: row),
                number(value.standardError, of: row), number(value.n.map(Double.init), of: row),
                .text(value.flags), .text(row.unit),
            ]
        }
        let indicators = ([catalogue.header] + catalogue.rows).map { $0.map(XLSXWorkbook.Cell.text) }
        let licence = DataPackage.defaultLicence
        let about: [(String, String)] = [
            ("project", "\(round.projectName) (\(round.projectSlug))"),
            ("round", "\(round.round): \(round.roundLabel)"),
            ("period", round.period),
            ("framework", "\(framework.title.text()) (\(framework.id), version \(framework.version))"),
            ("published", ISO8601DateFormatter().string(from: round.computedAt)),
            ("submissions", round.submissions.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")),
            ("source", "Citizen data collected by \(round.projectName) with Counted"),
            ("licence", "\(licence.name): \(licence.title), \(licence.path)"),
            ("disclosure control", DisclosureNote.text(round.rules)),
            ("results", "One row per indicator and group; a dimension column holds the group's SDMX code, \(TidyTable.total) where the "
                + "row is a total over it. value, ci_low and ci_high (the 95% confidence interval), standard_error and n (respondents) "
                + "are in the indicator's unit; \"\(TidyTable.suppressedMark)\" where disclosure control hides them."),
            ("indicators", "What each indicator code means: theme, type, unit, direction, SDG targets, rights articles and titles."),
        ]
        let aboutRows = [[XLSXWorkbook.Cell.text("field"), .text("value")]] + about.map { [.text($0.0), .text($0.1)] }
        return XLSXWorkbook(sheets: [
            XLSXWorkbook.Sheet(name: "results", rows: results),
            XLSXWorkbook.Sheet(name: "indicators", rows: indicators),
            XLSXWorkbook.Sheet(name: "about", rows: aboutRows),
        ])
    }
}
