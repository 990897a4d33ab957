import ArgumentParser
import Foundation
import Survey

/// `counted estimate`: design-based estimates from a CSV file, like R's survey package from the
/// shell, without a server or a database.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate a mean, total, ratio or proportion from survey data in a CSV file, with design-based standard errors.",
        discussion: """
            Prints one row per domain: domain,estimate,se,ci_low,ci_high,n (overall first, with an empty domain). \
            With --compare COL=A,B, prints one row for A minus B instead: contrast,estimate,se,ci_low,ci_high, \
            counting the covariance of the two domain estimates. Empty cells are missing values: rows missing the \
            variable stay in the design and count for nothing (R's na.rm = TRUE). Standard errors are Taylor \
            linearisation, with clusters sampled with replacement where a stage has no --fpc.

            Example: counted estimate --data apistrat.csv --weights pw --strata stype --fpc fpc --mean api00 --by stype
            """)

    @Option(help: ArgumentHelp("The survey data: a CSV file with a header row.", valueName: "FILE.csv"))
    var data: String

    @Option(help: ArgumentHelp("Column of sampling weights. Without it, weights follow from --fpc, or every row weighs 1.", valueName: "COL"))
    var weights: String?

    @Option(help: ArgumentHelp("Column of first-stage strata.", valueName: "COL"))
    var strata: String?

    @Option(help: ArgumentHelp("Column of cluster ids, once per stage (first: primary sampling units).", valueName: "COL"))
    var cluster: [String] = []

    @Option(help: ArgumentHelp("Column of population sizes (or sampling fractions), once per stage, for finite population corrections.",
                               valueName: "COL"))
    var fpc: [String] = []

    @Flag(help: "Cluster ids repeat across strata: take them within their stratum.")
    var nest = false

    @Option(help: ArgumentHelp("Column of post-strata; needs --population.", valueName: "COL"))
    var poststrata: String?

    @Option(help: ArgumentHelp("Population counts of the post-strata: a CSV with the levels, then their counts (such as Freq).",
                               valueName: "FILE.csv"))
    var population: String?

    @Option(help: ArgumentHelp("Estimate the mean of a numeric column.", valueName: "COL"))
    var mean: String?

    @Option(help: ArgumentHelp("Estimate the population total of a numeric column.", valueName: "COL"))
    var total: String?

    @Option(help: ArgumentHelp("Estimate the ratio of two totals.", valueName: "NUM/DEN"))
    var ratio: String?

    @Option(help: ArgumentHelp("Estimate the share of rows whose column equals a level.", valueName: "COL=LEVEL"))
    var proportion: String?

    @Option(help: ArgumentHelp("Confidence interval of a proportion: logit (default) or korn-graubard.", valueName: "method"))
    var ci: String?

    @Option(help: ArgumentHelp("Estimate also for each level of this column (domains, as R's svyby).", valueName: "COL"))
    var by: String?

    @Option(help: ArgumentHelp("Print the difference between two levels of a column, A minus B.", valueName: "COL=A,B"))
    var compare: String?

    @Option(help: ArgumentHelp("Output: csv (default) or json.", valueName: "format"))
    var format = "csv"

    func validate() throws {
        _ = try request()
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format is csv or json, not '\(format)'.") }
        guard (poststrata == nil) == (population == nil) else {
            throw ValidationError("--poststrata and --population go together: the column of post-strata and the file of their population counts.")
        }
    }

    /// The request the options describe (without the population counts, read in `run`).
    func request() throws -> EstimationRequest {
        let chosen = [mean.map { _ in "--mean" }, total.map { _ in "--total" }, ratio.map { _ in "--ratio" }, proportion.map { _ in "--proportion" }]
            .compactMap { $0 }
        guard chosen.count == 1 else {
            throw ValidationError(chosen.isEmpty ? "Say what to estimate: --mean COL, --total COL, --ratio NUM/DEN or --proportion COL=LEVEL."
                                                 : "Estimate one thing at a time; got \(chosen.joined(separator: " and ")).")
        }
        let statistic: Statistic
        if let mean {
            statistic = .mean(mean)
        } else if let total {
            statistic = .total(total)
        } else if let ratio {
            let parts = ratio.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--ratio takes two columns, NUM/DEN (such as api00/api99); got '\(ratio)'.")
            }
            statistic = .ratio(numerator: parts[0], denominator: parts[1])
        } else {
            let text = proportion ?? ""
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
                throw ValidationError("--proportion takes COL=LEVEL (such as sch.wide=Yes); got '\(text)'.")
            }
            statistic = .proportion(String(text[..<equals]), level: String(text[text.index(after: equals)...]))
        }
        var interval: IntervalMethod?
        if let ci {
            guard case .proportion = statistic else { throw ValidationError("--ci applies to --proportion only.") }
            switch ci {
            case "logit": interval = .logit
            case "korn-graubard": interval = .kornGraubard
            default: throw ValidationError("--ci is logit or korn-graubard, not '\(ci)'.")
            }
        }
        var comparison: EstimationRequest.Comparison?
        if let compare {
            let parts = compare.split(separator: "=", maxSplits: 1).map(String.init)
            let levels = parts.count == 2 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
            guard parts.count == 2, !parts[0].isEmpty, levels.count == 2, levels.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("--compare takes COL=A,B (such as stype=E,H); got '\(compare)'.")
            }
            guard by == nil else { throw ValidationError("--compare prints one contrast; leave out --by.") }
            comparison = EstimationRequest.Comparison(column: parts[0], first: levels[0], second: levels[1])
        }
        return EstimationRequest(design: DesignColumns(weights: weights, strata: strata, clusters: cluster, fpc: fpc, nest: nest),
                                 statistic: statistic, interval: interval, by: by, comparison: comparison)
    }

    func run() throws {
        var request = try request()
        let table = try Self.table(data)
        if let poststrata, let population {
            do {
                request.postStratification = try EstimationRequest.PostStratification(column: poststrata, table: try Self.table(population))
            } catch {
                throw CommandFailure(message: "\(population): \(error)")
            }
        }
        let report: EstimationReport
        do {
            report = try request.run(on: table)
        } catch {
            throw CommandFailure(message: "\(data): \(error)")
        }
        print(format == "json" ? report.json : report.csv, terminator: "")
    }

    static func table(_ path: String) throws -> SurveyTable {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw CommandFailure(message: "\(path): cannot read the file (\(error.localizedDescription)).")
        }
        do {
            return try SurveyTable(csv: text)
        } catch {
            throw CommandFailure(message: "\(path): \(error)")
        }
    }
}
