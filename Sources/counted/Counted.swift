import ArgumentParser

/// The `counted` command: thin; each subcommand hands its work to the library modules.
@main
struct Counted: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counted",
        abstract: "Citizen data: questionnaires, collection, indicators and public results.",
        discussion: "Run 'counted serve --demo' and open http://127.0.0.1:8080 to explore a demo project.",
        subcommands: [Serve.self, FormCommand.self, FrameworkCommand.self, EstimateCommand.self, AnalyzeCommand.self, UserCommand.self, ProjectCommand.self, RoundCommand.self, ExportCommand.self, Migrate.self, BenchCommand.self])
}
