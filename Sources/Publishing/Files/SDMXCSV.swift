import Survey

/// A published round as an SDMX-CSV 2.0 data message: one row per observation, naming the
/// dataflow it belongs to, then the key, the value and its attributes.
///
/// SDMX-CSV is the plainest SDMX form, the one statistics offices load into .Stat Suite or the
/// SDG reporting platforms and that pysdmx reads; with the structure message beside it, every
/// code can be looked up and every column typed. A suppressed value leaves `OBS_VALUE` empty and
/// says so in `OBS_STATUS` and `CONF_STATUS`.
enum SDMXCSV {
    static let mediaType = "application/vnd.sdmx.data+csv;version=2.0.0"

    static func csv(_ structure: SDMXDataStructure, table: TidyTable) -> String {
        let header = ["STRUCTURE", "STRUCTURE_ID", "ACTION"] + structure.dimensions.map(\.id) + [SDMXDataStructure.measure.id]
            + structure.attributes.map(\.id)
        let rows = table.rows.map { row -> [String] in
            let observation = SDMXObservation(row)
            // ACTION "I": information, the data are for reading, not an update of a database.
            return ["dataflow", structure.dataflowReference, "I"] + observation.key + [CSVField.number(observation.value)]
                + structure.attributes.map { observation.attributes[$0.id] ?? "" }
        }
        return CSVText.lines([header] + rows)
    }
}
