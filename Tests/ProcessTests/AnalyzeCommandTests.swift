import CountedTestSupport
import Demo
import Foundation
import Testing

/// `counted analyze` on the demo project: the numbers its public page shows, with intervals.
@Suite("counted analyze")
struct AnalyzeCommandTests {
    @Test("prints the demo indicator by group with shares, intervals and disclosure flags")
    func demoProject() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let server = try await ServerProcess.start(["--demo", "--database", database.commandLineURL])
        server.signal(SIGTERM)
        #expect(try await server.waitForExit(seconds: 30) == 0)

        let (status, output) = try await ServerProcess.run(["analyze", "--project", DemoSeed.surveySlug, "--database", database.commandLineURL])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["indicator", "group", "count", "total", "share", "se", "ci_low", "ci_high", "hidden", "unreliable", "note"])
        let overall = try #require(lines.first { $0.first == DemoSeed.indicatorCode && $0[1] == "" })
        #expect(overall[3] == String(DemoSeed.submissionCount))
        let share = try #require(Double(overall[4]))
        let low = try #require(Double(overall[6]))
        let high = try #require(Double(overall[7]))
        #expect(low < share && share < high)
        #expect(overall[8] == "false")
        #expect(lines.filter { $0.first == DemoSeed.indicatorCode }.count >= 3, "overall and the groups")

        let missing = try await ServerProcess.run(["analyze", "--project", "nowhere", "--database", database.commandLineURL])
        #expect(missing.status != 0)
        #expect(missing.output.contains("no project 'nowhere'"))
        await database.remove()
    }
}
