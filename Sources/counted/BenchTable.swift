import Foundation

/// The benchmark's results as a Markdown table, ready to paste into docs/benchmarks.md.
enum BenchTable {
    struct Row: Sendable {
        let summary: LatencySummary
        /// Submissions of this level found in the database afterwards.
        let stored: Int
    }

    static let header = "| clients | submissions | seconds | submissions/s | p50 ms | p99 ms | stored |"

    static func render(_ rows: [Row]) -> String {
        ([header, "|---:|---:|---:|---:|---:|---:|---:|"] + rows.map(line)).joined(separator: "\n")
    }

    static func line(_ row: Row) -> String {
        let s = row.summary
        return "| \(s.clients) | \(s.submissions) | \(String(format: "%.2f", s.seconds)) | \(String(format: "%.0f", s.perSecond)) | "
            + "\(String(format: "%.1f", s.p50Milliseconds)) | \(String(format: "%.1f", s.p99Milliseconds)) | \(row.stored) |"
    }

    /// One line printed as soon as a level is done, so a long run shows it is moving.
    static func progress(_ row: Row) -> String {
        let s = row.summary
        return "\(s.clients) clients: \(s.submissions) submissions in \(String(format: "%.2f", s.seconds)) s, "
            + "\(String(format: "%.0f", s.perSecond))/s, p50 \(String(format: "%.1f", s.p50Milliseconds)) ms, "
            + "p99 \(String(format: "%.1f", s.p99Milliseconds)) ms, \(row.stored) stored"
    }
}
