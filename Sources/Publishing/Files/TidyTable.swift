import Frameworks
import Survey

/// A published round as one long table: a row per indicator and domain, a column per dimension
/// with `_T` where the row is a total over it (the SDMX convention), then the value and what
/// qualifies it. Tidy CSV, the data package and the spreadsheet all write this table.
public struct TidyTable: Sendable {
    /// What a suppressed number is written as: never blank, never zero. Data packages declare it
    /// as a missing value, so tools read it as "no number" while people read why.
    public static let suppressedMark = "suppressed"
    public static let total = "_T"

    public struct Row: Sendable, Hashable {
        public var indicator: String
        public var period: String
        /// One level per dimension of the table, `_T` for a total.
        public var levels: [String]
        public var value: PublishedValue
        public var unit: String
    }

    public var dimensions: [String]
    public var rows: [Row]

    /// Rows in the order of the framework's indicators and each indicator's groupings;
    /// assessments and indicators without data have no numbers and no rows.
    public init(_ round: PublishedRound) {
        var dimensions: [String] = []
        for indicator in round.indicators {
            for value in indicator.values { for dimension in value.dimensions where !dimensions.contains(dimension) { dimensions.append(dimension) } }
        }
        self.dimensions = dimensions
        rows = round.indicators.flatMap { indicator in
            indicator.values.map { value in
                Row(indicator: indicator.code, period: round.period, levels: dimensions.map { value.level(of: $0) ?? Self.total },
                    value: value, unit: indicator.unit)
            }
        }
    }

    public var header: [String] {
        ["indicator", "period"] + dimensions + ["value", "ci_low", "ci_high", "standard_error", "n", "flags", "unit"]
    }

    /// The fields of a row as text, with suppressed numbers marked.
    public func fields(_ row: Row) -> [String] {
        let value = row.value
        let number: (Double?) -> String = { value.isSuppressed ? Self.suppressedMark : CSVField.number($0) }
        return [row.indicator, row.period] + row.levels + [
            number(value.value), number(value.ciLow), number(value.ciHigh), number(value.standardError),
            value.isSuppressed ? Self.suppressedMark : value.n.map(String.init) ?? "", value.flags, row.unit,
        ]
    }

    /// RFC 4180 CSV with a header line and CRLF line ends, as Excel and Power BI expect.
    public var csv: String {
        ([header] + rows.map(fields)).map { $0.map(CSVField.escaped).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
