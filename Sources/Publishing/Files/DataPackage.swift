import Foundation
import Frameworks

/// A Frictionless Data Package of a published round: `results.csv` (the tidy table),
/// `indicators.csv` (what each code means) and `datapackage.json` describing both with table
/// schemas, keys and the licence, so `frictionless validate` and any tool that reads data
/// packages can load it with the right types.
public enum DataPackage {
    public static let defaultLicence = (name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/",
                                        title: "Creative Commons Attribution 4.0")

    public static func files(_ round: PublishedRound, framework: Framework) -> [ExportFile] {
        let table = TidyTable(round)
        let catalogue = IndicatorCatalogue(framework)
        return [
            ExportFile(path: "datapackage.json", mediaType: "application/json", content: descriptor(round, framework: framework, table: table, catalogue: catalogue)),
            ExportFile(path: "results.csv", mediaType: "text/csv", text: table.csv),
            ExportFile(path: "indicators.csv", mediaType: "text/csv", text: catalogue.csv),
        ]
    }

    static func descriptor(_ round: PublishedRound, framework: Framework, table: TidyTable, catalogue: IndicatorCatalogue) -> Data {
        func field(_ name: String, _ type: String, _ description: String, required: Bool = false) -> [String: Any] {
            var field: [String: Any] = ["name": name, "type": type, "description": description]
            if required { field["constraints"] = ["required": true] }
            return field
        }
        let resultFields: [[String: Any]] = [
            field("indicator", "string", "Indicator code (see indicators.csv).", required: true),
            field("period", "string", "Reference period of the round.", required: true),
        ] + table.dimensions.map { field($0, "string", "Level of \($0) (SDMX code); _T is the total over it.", required: true) } + [
            field("value", "number", "Estimate in the indicator's unit; 'suppressed' where disclosure control hides it."),
            field("ci_low", "number", "Lower end of the 95% confidence interval."),
            field("ci_high", "number", "Upper end of the 95% confidence interval."),
            field("standard_error", "number", "Design-based standard error."),
            field("n", "integer", "Unweighted number of respondents behind the value."),
            field("flags", "string", "S: too few respondents; SP: hidden to protect another cell; SW: table withheld; U: unreliable (shown with caution)."),
            field("unit", "string", "Unit of the value.", required: true),
        ]
        let name = "\(round.projectSlug)-round-\(round.round)".lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        let descriptor: [String: Any] = [
            "profile": "tabular-data-package",
            "name": String(name),
            "title": "\(round.projectName): \(round.roundLabel) (\(round.period))",
            "description": "Citizen data: \(framework.title.text()) computed on round \(round.round) with disclosure control "
                + "(cells of fewer than \(round.rules.minimumCount) respondents, and cells that would reveal them, are suppressed).",
            "version": framework.version,
            "created": ISO8601DateFormatter().string(from: round.computedAt),
            "licenses": [["name": defaultLicence.name, "path": defaultLicence.path, "title": defaultLicence.title]],
            "sources": [["title": "\(round.projectName), collected with Counted"]],
            "resources": [
                [
                    "name": "results", "path": "results.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8",
                    "schema": [
                        "fields": resultFields,
                        "missingValues": ["", TidyTable.suppressedMark],
                        "primaryKey": ["indicator", "period"] + table.dimensions,
                        "foreignKeys": [["fields": ["indicator"], "reference": ["resource": "indicators", "fields": ["code"]]]],
                    ] as [String: Any],
                ] as [String: Any],
                [
                    "name": "indicators", "path": "indicators.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8",
                    "schema": [
                        "fields": catalogue.header.map { field($0, "string", $0 == "code" ? "Indicator code." : "Indicator \($0.replacingOccurrences(of: "_", with: " ")).", required: $0 == "code") },
                        "primaryKey": ["code"],
                    ] as [String: Any],
                ],
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
