import Frameworks
import Publishing

extension BarometerPage {
    /// What each open-data format is for, in a sentence.
    static func purpose(of format: ExportFormat) -> (title: String, purpose: String) {
        switch format {
        case .csv: ("Tidy CSV", "One row per indicator and group, for spreadsheets and statistical software.")
        case .datapackage: ("Frictionless Data Package", "The tidy table and the indicator list with their schemas and licence.")
        case .sdmxCSV: ("SDMX-CSV", "The SDMX data message as CSV, with its data structure definition (SDMX-ML), for statistics offices and SDMX tools.")
        case .sdmxJSON: ("SDMX-JSON", "The same SDMX data message as JSON, with the same data structure definition.")
        case .openSDG: ("Open SDG", "One CSV per indicator (Year, groups, Value) and its metadata, so a national SDG platform can add citizen data as a source.")
        case .xlsx: ("Excel workbook", "The results, the indicator list and a note on the data, for people who work in spreadsheets.")
        }
    }

    /// The round's open data: every format's files, the stable CSV links and the API.
    func downloadsValues() -> [String: Any] {
        var values = frameValues(.downloads, pagePath: roundPath + "/downloads")
        values["formats"] = ExportFormat.allCases.map { format -> [String: Any] in
            let about = Self.purpose(of: format)
            return [
                "name": format.rawValue, "title": about.title, "purpose": about.purpose,
                "files": format.files(results, framework: framework).map { file in
                    ["path": file.path, "link": "\(roundPath)/data/\(format.rawValue)/\(file.path)", "size": Self.size(file.content.count)]
                },
            ]
        }
        values["stableLink"] = "\(roundPath)/results.csv"
        values["latestLink"] = "\(projectPath)/results.csv"
        values["apiLink"] = "/api/public/projects/\(barometer.project.slug)/rounds/\(current.round.number)"
        values["minimumCount"] = results.rules.minimumCount
        return values
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) bytes" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1048576)
    }
}
