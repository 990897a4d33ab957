import ArgumentParser

/// `counted bench`: speed measurements. Speed targets live here, run by hand on a known machine,
/// and the figures go to docs/benchmarks.md; tests never time anything.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how fast Counted takes in data, answers public pages (on a throw-away database) and estimates indicators.",
        discussion: "Build with optimisations for figures worth writing down: swift run -c release counted bench ingest",
        subcommands: [BenchIngest.self, BenchPages.self, BenchAnalysis.self])
}
