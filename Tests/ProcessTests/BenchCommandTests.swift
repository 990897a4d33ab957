import CountedTestSupport
import Foundation
import Testing

/// `counted bench ingest` is run by hand for docs/benchmarks.md; this keeps it working. It
/// checks what the command reports, never how fast it was.
@Suite("counted bench")
struct BenchCommandTests {
    @Test("bench ingest sends every submission of every level, gets 201s and finds them all stored")
    func ingest() async throws {
        let (status, output) = try await ServerProcess.run(["bench", "ingest", "--count", "20", "--clients", "1,4"])
        #expect(status == 0, "\(output)")
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 4 |") }
        #expect(rows.count == 2, "\(output)")
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // clients, submissions, seconds, submissions/s, p50, p99, stored
            #expect(cells.count == 7, "\(row)")
            #expect(cells.first.map { ["1", "4"].contains($0) } == true)
            #expect(cells.dropFirst().first == "20", "\(row)")
            #expect(cells.last == "20", "\(row)")
        }
        #expect(output.contains("Stored: 40 of 40 submissions answered 201."), "\(output)")
    }

    @Test("bench ingest refuses a malformed --clients list before touching any database")
    func badClients() async throws {
        let (status, output) = try await ServerProcess.run(["bench", "ingest", "--clients", "1,lots"])
        #expect(status != 0)
        #expect(output.contains("--clients takes numbers"), "\(output)")
    }
}
