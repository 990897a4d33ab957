import Survey

/// Rows of fields as RFC 4180 CSV: every field escaped, CRLF line ends (as Excel, Power BI and
/// the SDMX and Open SDG tools expect), and a line end after the last row.
enum CSVText {
    static func lines(_ rows: [[String]]) -> String {
        rows.map { $0.map(CSVField.escaped).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
