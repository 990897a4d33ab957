import Survey

/// Computed indicators as a tidy CSV: one row per indicator and domain, the SDMX way (`_T` where
/// a dimension is not broken down would need every dimension as a column; here the grouping is
/// named instead, so the file stays readable for any framework).
public enum FrameworkResultsCSV {
    public static let header = "indicator,kind,dimensions,levels,value,standard_error,ci_low,ci_high,n,assessment,note"

    public static func text(_ results: FrameworkResults) -> String {
        var lines = [header]
        for outcome in results.outcomes {
            if outcome.values.isEmpty {
                let answer = outcome.assessment?.isComplete == true ? outcome.assessment?.answer?.rawValue ?? "" : ""
                lines.append([outcome.code, outcome.kind, "", "", "", "", "", "", "", answer, outcome.noDataReason ?? ""]
                    .map(CSVField.escaped).joined(separator: ","))
                continue
            }
            for value in outcome.values {
                let estimate = value.estimate
                lines.append([
                    outcome.code, outcome.kind, value.dimensions.joined(separator: "+"), value.levels.joined(separator: "+"),
                    CSVField.number(estimate.value), CSVField.number(estimate.standardError),
                    CSVField.number(estimate.interval?.lower), CSVField.number(estimate.interval?.upper), String(estimate.sampleSize), "", "",
                ].map(CSVField.escaped).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }
}
