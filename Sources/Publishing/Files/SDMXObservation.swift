import Survey

/// One observation of the SDMX files: a row of the tidy table as a key (the indicator, a code per
/// dimension, the period) and a value with its attributes.
///
/// A suppressed value has no number and no bounds, standard error or count: only its status
/// (`OBS_STATUS` Q) and why it is withheld (`CONF_STATUS`), so no SDMX tool can read it as a zero.
struct SDMXObservation: Sendable, Hashable {
    /// Codes in the order of ``SDMXDataStructure/dimensions``.
    var key: [String]
    var value: Double?
    /// Attribute values by attribute ID, as text; an attribute with no value is absent.
    var attributes: [String: String]

    init(_ row: TidyTable.Row) {
        let published = row.value
        key = [SDMXDataStructure.identifier(row.indicator)] + row.levels.map(SDMXDataStructure.identifier) + [row.period]
        value = published.isSuppressed ? nil : published.value
        var attributes = [
            "UNIT_MEASURE": SDMXDataStructure.identifier(row.unit),
            "OBS_STATUS": SDMXStatus.observation(published).id,
            "CONF_STATUS": SDMXStatus.confidentiality(published).id,
        ]
        if !published.isSuppressed {
            let numbers = [("LOWER_BOUND", published.ciLow), ("UPPER_BOUND", published.ciHigh), ("STANDARD_ERROR", published.standardError)]
            for (id, number) in numbers where !CSVField.number(number).isEmpty {
                attributes[id] = CSVField.number(number)
            }
            if let n = published.n { attributes["SAMPLE_SIZE"] = String(n) }
        }
        self.attributes = attributes
    }
}
