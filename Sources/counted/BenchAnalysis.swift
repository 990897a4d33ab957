import ArgumentParser
import Foundation
import Survey

/// `counted bench analysis`: how long the survey engine takes to estimate every indicator of a
/// framework, with standard errors, for every disaggregation, on a synthetic stratified cluster
/// survey; optionally with R's survey package timed on the same data in the same run, and the
/// two sets of numbers compared.
struct BenchAnalysis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Time design-based estimates of many indicators by sex, age band, disability, region and sex x disability.",
        discussion: """
            Generates a survey (10 strata, 2,000 clusters, weights; dimensions sex, age band, disability, region; \
            binary indicators with about 4% missing) from a fixed seed, then estimates every indicator overall, by \
            each dimension and by sex x disability (proportions with Taylor standard errors and logit intervals), \
            --repeat times, and reports the fastest and the median run. With --r, writes the data to a temporary \
            CSV, runs R's survey package (svymean and svyby, one call per indicator and grouping) with Rscript, \
            times its estimation, and reports the largest relative difference between the two sets of numbers.
            """)

    @Option(help: ArgumentHelp("Respondents (rows).", valueName: "n"))
    var rows = 1_000_000

    @Option(help: ArgumentHelp("Binary indicators.", valueName: "k"))
    var indicators = 40

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Timed runs.", valueName: "n"))
    var repetitions = 5

    @Option(help: ArgumentHelp("Seed of the synthetic data.", valueName: "n"))
    var seed: UInt64 = 1

    @Flag(name: .customLong("r"), help: "Also time R's survey package on the same data (needs Rscript and r-cran-survey).")
    var compareWithR = false

    func validate() throws {
        guard (100...50_000_000).contains(rows) else { throw ValidationError("--rows must be between 100 and 50000000.") }
        guard (1...1_000).contains(indicators) else { throw ValidationError("--indicators must be between 1 and 1000.") }
        guard (1...100).contains(repetitions) else { throw ValidationError("--repeat must be between 1 and 100.") }
    }

    func run() async throws {
        print("Benchmark: design-based estimates, \(rows) rows x \(indicators) indicators, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        let clock = ContinuousClock()
        var survey: SyntheticSurvey?
        let generation = clock.measure { survey = SyntheticSurvey.generate(rows: rows, indicators: indicators, seed: seed) }
        guard let survey else { throw BenchFailure("The synthetic survey could not be made.") }
        var design: CodedDesign?
        let setup = try clock.measure { design = try survey.design() }
        guard let design else { throw BenchFailure("The design could not be made.") }
        print("Generated the data in \(Self.seconds(generation)) s; design set up in \(Self.seconds(setup)) s.")

        let crossings = [["sex", "disability"]]
        var timings: [Duration] = []
        var estimates: [IndicatorDomainEstimate] = []
        for _ in 0..<repetitions {
            let started = clock.now
            estimates = try await FrameworkEstimation.run(design: design, indicators: survey.indicators,
                                                          dimensions: survey.dimensions, crossings: crossings)
            timings.append(clock.now - started)
        }
        let sorted = timings.sorted()
        let domains = Set(estimates.map { $0.dimensions + ["|"] + $0.levels }).count
        print("Counted: \(estimates.count) estimates with standard errors (\(domains) domains per indicator) "
            + "in \(Self.seconds(sorted[0])) s fastest, \(Self.seconds(sorted[sorted.count / 2])) s median of \(repetitions) runs.")

        guard compareWithR else { return }
        let comparison = try await RComparison.run(survey: survey, crossings: crossings)
        print("R survey: read the CSV in \(Self.seconds(comparison.readTime)) s, estimated in \(Self.seconds(comparison.estimationTime)) s "
            + "(\(comparison.estimates.count) estimates).")
        var worstEstimate = 0.0
        var worstSE = 0.0
        var matched = 0
        let ours = Dictionary(estimates.map { (RComparison.key($0.indicator, $0.dimensions, $0.levels), $0.estimate) },
                              uniquingKeysWith: { first, _ in first })
        for theirs in comparison.estimates {
            guard let mine = ours[theirs.key] else { continue }
            matched += 1
            worstEstimate = max(worstEstimate, abs(mine.value - theirs.estimate) / max(abs(theirs.estimate), 1e-300))
            worstSE = max(worstSE, abs(mine.standardError - theirs.standardError) / max(abs(theirs.standardError), 1e-300))
        }
        let speedup = comparison.estimationTime / sorted[0]
        print("Compared \(matched) of \(comparison.estimates.count) estimates: largest relative difference "
            + "\(String(format: "%.1e", worstEstimate)) in estimates, \(String(format: "%.1e", worstSE)) in standard errors. "
            + "Counted was \(String(format: "%.0f", speedup)) times faster.")
        guard matched == comparison.estimates.count, matched == estimates.count else {
            throw BenchFailure("R and Counted did not produce the same set of estimates (\(comparison.estimates.count) vs \(estimates.count)).")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", duration.seconds)
    }
}
