import Foundation

/// A published round as an SDMX-JSON 1.0 data message: the components with the values the
/// message uses, then every observation keyed by the positions of its codes, its value first and
/// then the positions of its attribute values.
///
/// SDMX-JSON is the form web charts and JavaScript tools read. The message is laid out with
/// `header`, `structure` and `dataSets` at the top, as the format's own samples (exr-flat.json)
/// and the web services of the ECB, the OECD and the ABS give it, because that is the layout the
/// Python reader sdmx1 reads; the later text of the 1.0 specification moves `structure` and
/// `dataSets` under `data` and renames `header` to `meta`, which no Python library reads yet.
/// Every dimension is at the observation level (a flat message), so each observation carries its
/// whole key. A suppressed value is `null`, with its `OBS_STATUS` and `CONF_STATUS`.
enum SDMXJSON {
    static let mediaType = "application/vnd.sdmx.data+json;version=1.0.0"

    static func message(_ structure: SDMXDataStructure, table: TidyTable) -> Data {
        let observations = table.rows.map(SDMXObservation.init)

        // Dimension values: the codes the message uses, in the order of their code list.
        var dimensionValues: [[SDMXDataStructure.Code]] = []
        var dimensionComponents: [[String: Any]] = []
        for (position, dimension) in structure.dimensions.enumerated() {
            let used = Set(observations.map { $0.key[position] })
            let codes = dimension.codelist?.codes.filter { used.contains($0.id) }
                ?? used.sorted().map { SDMXDataStructure.Code(id: $0, names: [SDMXDataStructure.Name(language: "en", text: $0)]) }
            dimensionValues.append(codes)
            var component: [String: Any] = ["id": dimension.id, "name": dimension.name, "keyPosition": position, "values": codes.map(value)]
            if dimension.id == SDMXDataStructure.timeDimension { component["roles"] = [SDMXDataStructure.timeDimension] }
            dimensionComponents.append(component)
        }

        // Attribute values: coded ones from their code list, others as the distinct texts used.
        // An attribute no observation has is left out, since a reader could not refer to it.
        var attributeValues: [(id: String, values: [String])] = []
        var attributeComponents: [[String: Any]] = []
        for attribute in structure.attributes {
            let texts = observations.compactMap { $0.attributes[attribute.id] }
            guard !texts.isEmpty else { continue }
            var distinct: [String] = []
            var seen: Set<String> = []
            for text in texts where seen.insert(text).inserted { distinct.append(text) }
            let values: [[String: Any]]
            if let list = attribute.codelist {
                let codes = list.codes.filter { seen.contains($0.id) }
                distinct = codes.map(\.id)
                values = codes.map(value)
            } else {
                values = distinct.map { ["name": $0] }
            }
            attributeValues.append((attribute.id, distinct))
            attributeComponents.append(["id": attribute.id, "name": attribute.name, "relationship": ["primaryMeasure": SDMXDataStructure.measure.id],
                                        "values": values])
        }

        var keyed: [String: Any] = [:]
        let dimensionIndex = dimensionValues.map { codes in Dictionary(codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        let attributeIndex = attributeValues.map { entry in Dictionary(entry.values.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
        for observation in observations {
            let key = observation.key.enumerated().map { position, code in String(dimensionIndex[position][code] ?? 0) }.joined(separator: ":")
            let attributes: [Any] = zip(attributeValues, attributeIndex).map { entry, index in
                observation.attributes[entry.id].flatMap { index[$0] }.map { $0 as Any } ?? NSNull()
            }
            keyed[key] = [observation.value.map { $0 as Any } ?? NSNull()] + attributes
        }

        let links = [["rel": "dataflow", "urn": structure.urn("Dataflow", structure.dataflowID)],
                     ["rel": "datastructure", "urn": structure.urn("DataStructure", structure.structureID)]]
        let message: [String: Any] = [
            "header": [
                "id": structure.messageID, "test": false, "prepared": ISO8601DateFormatter().string(from: structure.prepared),
                "sender": ["id": SDMXDataStructure.agency, "name": "Counted"],
            ] as [String: Any],
            "structure": [
                "links": links, "name": structure.title,
                "dimensions": ["dataSet": [Any](), "series": [Any](), "observation": dimensionComponents],
                "attributes": ["dataSet": [Any](), "series": [Any](), "observation": attributeComponents],
            ] as [String: Any],
            "dataSets": [["action": "Information", "links": [links[0]], "observations": keyed] as [String: Any]],
        ]
        return (try? JSONSerialization.data(withJSONObject: message, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// A component value: its code, its name in the first language and in every language.
    private static func value(_ code: SDMXDataStructure.Code) -> [String: Any] {
        var value: [String: Any] = ["id": code.id, "name": code.names.first?.text ?? code.id]
        if code.names.count > 1 {
            value["names"] = Dictionary(code.names.map { ($0.language, $0.text) }, uniquingKeysWith: { first, _ in first })
        }
        return value
    }
}
