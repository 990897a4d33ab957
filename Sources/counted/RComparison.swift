import Foundation
import Survey

/// R's survey package run on a synthetic survey, for `counted bench analysis --r`: the speed
/// anchor of the issue, and an independent check that the numbers are the same.
struct RComparison {
    struct Row {
        var key: String
        var estimate: Double
        var standardError: Double
    }

    var readTime: Duration
    var estimationTime: Duration
    var estimates: [Row]

    static func key(_ indicator: String, _ dimensions: [String], _ levels: [String]) -> String {
        indicator + "|" + dimensions.joined(separator: "+") + "|" + levels.joined(separator: ",")
    }

    static func run(survey: SyntheticSurvey, crossings: [[String]]) async throws -> RComparison {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("counted-bench-r-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("survey.csv")
        let output = folder.appendingPathComponent("estimates.csv")
        try csv(survey).write(to: data, atomically: false, encoding: .utf8)
        let groupings = survey.dimensions.map(\.name) + crossings.map { $0.joined(separator: "+") }
        let script = """
            suppressMessages(library(survey))
            t0 <- Sys.time()
            d <- read.csv("\(data.path)", colClasses = c(sex = "character", age = "character", disability = "character", region = "character"), na.strings = c("NA", ""))
            t1 <- Sys.time()
            des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d)
            rows <- list()
            for (v in paste0("i", 1:\(survey.indicators.count))) {
              f <- as.formula(paste0("~", v))
              m <- svymean(f, des, na.rm = TRUE)
              rows[[length(rows) + 1]] <- data.frame(key = paste0(v, "||"), estimate = coef(m)[[1]], se = SE(m)[[1]])
              for (g in c(\(groupings.map { "\"\($0)\"" }.joined(separator: ", ")))) {
                b <- svyby(f, as.formula(paste0("~", g)), des, svymean, na.rm = TRUE)
                groups <- strsplit(g, "+", fixed = TRUE)[[1]]
                levels <- do.call(paste, c(lapply(groups, function(x) as.character(b[[x]])), sep = ","))
                rows[[length(rows) + 1]] <- data.frame(key = paste0(v, "|", g, "|", levels), estimate = b[[v]], se = SE(b))
              }
            }
            t2 <- Sys.time()
            write.csv(do.call(rbind, rows), "\(output.path)", row.names = FALSE)
            cat(sprintf("TIMES %.6f %.6f\\n", as.numeric(difftime(t1, t0, units = "secs")), as.numeric(difftime(t2, t1, units = "secs"))))
            """
        let scriptFile = folder.appendingPathComponent("bench.R")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["Rscript", scriptFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw BenchFailure("Rscript could not be started (\(error.localizedDescription)); install R with apt-get install r-cran-survey.")
        }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("TIMES ") }) else {
            throw BenchFailure("R failed:\n\(text.suffix(2000))")
        }
        let times = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard times.count == 2 else { throw BenchFailure("R printed no times:\n\(text.suffix(2000))") }
        let table = try SurveyTable(csv: try String(contentsOf: output, encoding: .utf8))
        var estimates: [Row] = []
        for row in 0..<table.rowCount {
            guard let key = table["key"]?.label(at: row), let estimate = table["estimate"]?.numbers?[row],
                  let se = table["se"]?.numbers?[row] else { continue }
            estimates.append(Row(key: key, estimate: estimate, standardError: se))
        }
        return RComparison(readTime: .seconds(times[0]), estimationTime: .seconds(times[1]), estimates: estimates)
    }

    /// The survey as CSV: design columns, dimension labels (empty when missing), indicators (empty when missing).
    static func csv(_ survey: SyntheticSurvey) -> String {
        var lines = [(["stratum", "cluster", "weight"] + survey.dimensions.map(\.name) + survey.indicators.map(\.name)).joined(separator: ",")]
        lines.reserveCapacity(survey.rowCount + 1)
        for row in 0..<survey.rowCount {
            var fields = [String(survey.strata[row]), String(survey.clusters[row]), "\(survey.weights[row])"]
            for dimension in survey.dimensions {
                let code = Int(dimension.codes[row])
                fields.append(code < 0 ? "" : dimension.labels[code])
            }
            for indicator in survey.indicators {
                let value = indicator.values[row]
                fields.append(value.isNaN ? "" : (value == 1 ? "1" : "0"))
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
