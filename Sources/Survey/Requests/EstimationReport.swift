import Foundation

/// The answer to an ``EstimationRequest``: one row per domain (overall first), or one row for a
/// contrast. It prints as CSV with the columns the command line promises, or as JSON with
/// everything an estimate carries (degrees of freedom, design effect, notes).
public enum EstimationReport: Sendable, Hashable {
    case domains([DomainRow])
    case contrast(ContrastRow)

    /// An estimate for the whole population (`domain` nil) or one level.
    public struct DomainRow: Sendable, Hashable {
        public var domain: String?
        public var estimate: Estimate
    }

    /// The difference between two domains.
    public struct ContrastRow: Sendable, Hashable {
        public var contrast: String
        public var estimate: Estimate
    }

    /// `domain,estimate,se,ci_low,ci_high,n` (overall first, with an empty domain), or
    /// `contrast,estimate,se,ci_low,ci_high`. Numbers are written in full (they read back to the
    /// same double); a missing interval is an empty cell.
    public var csv: String {
        var lines: [[String]]
        switch self {
        case .domains(let rows):
            lines = [["domain", "estimate", "se", "ci_low", "ci_high", "n"]]
            for row in rows {
                lines.append([row.domain ?? ""] + Self.numbers(row.estimate) + [String(row.estimate.sampleSize)])
            }
        case .contrast(let row):
            lines = [["contrast", "estimate", "se", "ci_low", "ci_high"], [row.contrast] + Self.numbers(row.estimate)]
        }
        return lines.map { $0.map(CSVField.escaped).joined(separator: ",") + "\n" }.joined()
    }

    /// A JSON array of objects, one per row, with the same fields as the CSV plus `df`,
    /// `weighted_n`, `deff`, `effective_n` and `notes`.
    public var json: String {
        let objects: [JSONRow] = switch self {
        case .domains(let rows): rows.map { JSONRow(label: ("domain", $0.domain), estimate: $0.estimate, includesN: true) }
        case .contrast(let row): [JSONRow(label: ("contrast", row.contrast), estimate: row.estimate, includesN: false)]
        }
        return "[\n" + objects.map { "  " + $0.text }.joined(separator: ",\n") + "\n]\n"
    }

    static func numbers(_ estimate: Estimate) -> [String] {
        [CSVField.number(estimate.value), CSVField.number(estimate.standardError),
         CSVField.number(estimate.interval?.lower), CSVField.number(estimate.interval?.upper)]
    }

    /// One object of the JSON output, written by hand so keys keep a fixed, readable order.
    private struct JSONRow {
        var text: String

        init(label: (String, String?), estimate: Estimate, includesN: Bool) {
            func string(_ value: String) -> String {
                let data = (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8)
                return String(decoding: data, as: UTF8.self)
            }
            func number(_ value: Double?) -> String {
                guard let value, value.isFinite else { return "null" }
                return "\(value)"
            }
            var fields = [(label.0, label.1.map(string) ?? "null"),
                          ("estimate", number(estimate.value)), ("se", number(estimate.standardError)),
                          ("ci_low", number(estimate.interval?.lower)), ("ci_high", number(estimate.interval?.upper))]
            if includesN { fields.append(("n", String(estimate.sampleSize))) }
            fields += [("df", String(estimate.degreesOfFreedom)), ("weighted_n", number(estimate.weightedSize)),
                       ("deff", number(estimate.designEffect)), ("effective_n", number(estimate.effectiveSampleSize)),
                       ("notes", "[" + estimate.notes.map { string($0.description) }.joined(separator: ", ") + "]")]
            text = "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
    }
}
