import Foundation
import Frameworks

/// The open-data formats a published round is exported in; the web downloads and
/// `counted export` make the same files. Each is a pure function of the published round and its
/// framework: no I/O, and the same publication always gives the same bytes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The tidy table alone.
    case csv
    /// A Frictionless Data Package: the tidy table and the indicator catalogue, described.
    case datapackage
    /// SDMX-CSV 2.0 data and the SDMX-ML 2.1 structure that describes it.
    case sdmxCSV = "sdmx-csv"
    /// SDMX-JSON 1.0 data and the same SDMX-ML 2.1 structure.
    case sdmxJSON = "sdmx-json"
    /// A data file and a metadata file per indicator, as an Open SDG platform reads them.
    case openSDG = "opensdg"
    /// One Excel workbook: results, indicators, and what the file is.
    case xlsx

    public func files(_ round: PublishedRound, framework: Framework) -> [ExportFile] {
        let name = "\(round.projectSlug)-round-\(round.round)"
        switch self {
        case .csv:
            return [ExportFile(path: "\(name).csv", mediaType: "text/csv", text: TidyTable(round).csv)]
        case .datapackage:
            return DataPackage.files(round, framework: framework)
        case .sdmxCSV, .sdmxJSON:
            let table = TidyTable(round)
            let structure = SDMXDataStructure(round, framework: framework, table: table)
            let description = ExportFile(path: "\(name)-structure.xml", mediaType: SDMXStructureMessage.mediaType,
                                         text: SDMXStructureMessage.xml(structure))
            if self == .sdmxCSV {
                return [ExportFile(path: "\(name)-sdmx.csv", mediaType: SDMXCSV.mediaType, text: SDMXCSV.csv(structure, table: table)), description]
            }
            return [ExportFile(path: "\(name)-sdmx.json", mediaType: SDMXJSON.mediaType, content: SDMXJSON.message(structure, table: table)), description]
        case .openSDG:
            return OpenSDG.files(round, framework: framework)
        case .xlsx:
            // A workbook is put together in memory, which cannot fail short of running out of memory.
            let workbook = ResultsWorkbook.workbook(round, framework: framework)
            return [ExportFile(path: "\(name).xlsx", mediaType: XLSXWorkbook.mediaType,
                               content: (try? workbook.data(modified: round.computedAt)) ?? Data())]
        }
    }
}
