import Frameworks
import Survey

/// A published round in the files an Open SDG reporting platform reads: a data file per
/// indicator (`data/indicator_<id>.csv`) and its metadata (`meta/<id>.md`), ready to drop into a
/// data repository made from the Open SDG data starter.
///
/// The data files follow Open SDG's data format: `Year` first, then a column per disaggregation
/// with the group's label (blank where the row is a total over it, as Open SDG reads a blank),
/// then `Value` last. Open SDG reads a blank `Value` as missing, so a suppressed value must not
/// appear as a row at all: it is left out, and the metadata says how many were and why. Shown
/// but unreliable values carry "Low reliability" in `COMMENT_OBS`, the observation attribute
/// Open SDG footnotes by default. Only indicators with at least one number get files.
enum OpenSDG {
    static let commentColumn = "COMMENT_OBS"
    static let lowReliability = "Low reliability"

    static func files(_ round: PublishedRound, framework: Framework) -> [ExportFile] {
        let table = TidyTable(round)
        return round.indicators.flatMap { published -> [ExportFile] in
            let rows = table.rows.filter { $0.indicator == published.code }
            guard let data = dataCSV(rows, dimensions: table.dimensions, framework: framework),
                  let indicator = framework.indicator(code: published.code) else { return [] }
            let id = identifier(published.code)
            let withheld = rows.filter(\.value.isSuppressed).count
            return [
                ExportFile(path: "data/indicator_\(id).csv", mediaType: "text/csv", text: data),
                ExportFile(path: "meta/\(id).md", mediaType: "text/markdown",
                           text: OpenSDGMetadata.markdown(indicator, id: id, round: round, framework: framework, unit: published.unit,
                                                          dimensions: dimensions(of: published), withheld: withheld)),
            ]
        }
    }

    /// Open SDG names an indicator's files by its ID with dashes between the parts ("1-1-1"), so
    /// dots become dashes, and anything else a file name should not hold becomes a dash too.
    static func identifier(_ code: String) -> String {
        String(code.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }

    /// The dimensions an indicator is broken down by, in the order they first appear.
    static func dimensions(of indicator: PublishedIndicator) -> [String] {
        var seen: [String] = []
        for value in indicator.values { for dimension in value.dimensions where !seen.contains(dimension) { seen.append(dimension) } }
        return seen
    }

    /// The data file of one indicator's rows, or nil when none of them has a number to show.
    static func dataCSV(_ rows: [TidyTable.Row], dimensions: [String], framework: Framework) -> String? {
        let shown = rows.filter { !$0.value.isSuppressed && $0.value.value != nil }
        guard !shown.isEmpty else { return nil }
        let columns = dimensions.indices.filter { column in shown.contains { $0.levels[column] != TidyTable.total } }
        let comments = shown.contains(where: \.value.isUnreliable)
        let header = ["Year"] + columns.map { DimensionCatalogue.label(of: dimensions[$0]) } + (comments ? [commentColumn] : []) + ["Value"]
        let lines = shown.map { row in
            [row.period]
                + columns.map { row.levels[$0] == TidyTable.total ? "" : framework.label(ofLevel: row.levels[$0], dimension: dimensions[$0]) }
                + (comments ? [row.value.isUnreliable ? lowReliability : ""] : [])
                + [CSVField.number(row.value.value)]
        }
        return CSVText.lines([header] + lines)
    }
}
