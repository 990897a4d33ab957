import Foundation
import Frameworks
import Survey
import Testing
@testable import Publishing

/// The SDMX files of a round: the SDMX-CSV and SDMX-JSON data hold the tidy table's numbers under
/// the same keys, mark every suppressed value as suppressed (no number, OBS_STATUS Q, CONF_STATUS
/// saying why), and use only components and codes the structure message declares.
@Suite("SDMX exports")
struct SDMXExportTests {
    /// CONF_STATUS as the SDMX code list CL_CONF_STATUS has it, for each of the tidy file's flags.
    static let confidentiality = ["S": "A", "SP": "D", "SW": "C", "U": "F", "": "F"]

    static func number(_ text: String) -> Double? { text.isEmpty ? nil : Double(text) }

    @Test("SDMX-CSV: the 2.0 header, a row per tidy row under the same key, the same numbers, suppressed values marked")
    func sdmxCSV() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let table = TidyTable(round)
        let files = ExportFormat.sdmxCSV.files(round, framework: framework)
        #expect(files.map(\.path) == ["demo-round-1-sdmx.csv", "demo-round-1-structure.xml"])
        let (header, lines) = try ExportReading.csv(ExportReading.file(files, "demo-round-1-sdmx.csv"))
        #expect(Array(header.prefix(3)) == ["STRUCTURE", "STRUCTURE_ID", "ACTION"])
        let key = ["INDICATOR"] + table.dimensions + ["TIME_PERIOD"]
        #expect(Array(header[3..<(3 + key.count)]) == key)
        #expect(Array(header.suffix(8)) == ["OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "CONF_STATUS", "LOWER_BOUND", "UPPER_BOUND",
                                           "STANDARD_ERROR", "SAMPLE_SIZE"])
        #expect(lines.count == table.rows.count)
        let dataflow = "COUNTED:DF_DEMO(\(SDMXDataStructure.version(framework.version)))"
        var suppressed = 0
        for (fields, row) in zip(lines, table.rows) {
            let line = Dictionary(uniqueKeysWithValues: zip(header, fields))
            #expect(line["STRUCTURE"] == "dataflow" && line["STRUCTURE_ID"] == dataflow && line["ACTION"] == "I")
            #expect(key.map { line[$0] ?? "" } == [row.indicator] + row.levels + [row.period])
            #expect(line["UNIT_MEASURE"] == row.unit)
            #expect(line["CONF_STATUS"] == Self.confidentiality[row.value.flags])
            if row.value.isSuppressed {
                suppressed += 1
                // No number of any kind: not a zero, not a bound, not a count.
                #expect(line["OBS_STATUS"] == "Q")
                #expect(["OBS_VALUE", "LOWER_BOUND", "UPPER_BOUND", "STANDARD_ERROR", "SAMPLE_SIZE"].allSatisfy { line[$0] == "" })
            } else {
                #expect(line["OBS_STATUS"] == (row.value.isUnreliable ? "U" : "A"))
                #expect(Self.number(line["OBS_VALUE"] ?? "") == row.value.value)
                #expect(Self.number(line["LOWER_BOUND"] ?? "") == row.value.ciLow)
                #expect(Self.number(line["UPPER_BOUND"] ?? "") == row.value.ciHigh)
                #expect(Self.number(line["STANDARD_ERROR"] ?? "") == row.value.standardError)
                #expect(Int(line["SAMPLE_SIZE"] ?? "") == row.value.n)
            }
        }
        #expect(suppressed > 0, "a small sample must have suppressed values")
        #expect(suppressed < table.rows.count)
    }

    @Test("the structure message declares every dimension and attribute of the data, and every code it uses, with labels")
    func structureMessage() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let files = ExportFormat.sdmxCSV.files(round, framework: framework)
        let xml = try #require(XMLTree.parse(ExportReading.text(try ExportReading.file(files, "demo-round-1-structure.xml"))))
        #expect(xml.name == "mes:Structure")
        let codelists = Dictionary(uniqueKeysWithValues: xml.all("str:Codelist").map { list in
            (list.attributes["id"] ?? "", list.all("str:Code").compactMap { $0.attributes["id"] })
        })
        let structure = try #require(xml.first("str:DataStructure"))
        let dimensions = structure.all("str:Dimension") + structure.all("str:TimeDimension")
        let attributes = structure.all("str:Attribute")
        func codelist(of component: XMLTree) -> [String]? {
            component.first("str:Enumeration")?.first("Ref")?.attributes["id"].flatMap { codelists[$0] }
        }

        let (header, lines) = try ExportReading.csv(ExportReading.file(files, "demo-round-1-sdmx.csv"))
        #expect(dimensions.compactMap { $0.attributes["id"] } == Array(header[3..<(header.count - 8)]))
        #expect(attributes.compactMap { $0.attributes["id"] } == Array(header.suffix(7)))
        #expect(dimensions.map { $0.attributes["position"] } == dimensions.indices.map { String($0 + 1) })
        // Every coded column holds only codes of its list; a total is `_T`, a code like any other.
        for component in dimensions + attributes {
            guard let id = component.attributes["id"], let codes = codelist(of: component), let column = header.firstIndex(of: id) else { continue }
            let used = Set(lines.map { $0[column] }.filter { !$0.isEmpty })
            #expect(used.isSubset(of: codes), "\(id): \(used.subtracting(codes).sorted()) not in its code list")
        }
        #expect(codelist(of: try #require(dimensions.first { $0.attributes["id"] == "SEX" }))?.contains("_T") == true)
        // Indicator codes come from the framework, with their titles in each of its languages.
        let indicators = try #require(xml.all("str:Codelist").first { $0.attributes["id"] == "CL_DEMO_INDICATOR" })
        #expect(indicators.all("str:Code").compactMap { $0.attributes["id"] } == framework.indicators.map(\.code))
        let first = try #require(indicators.first("str:Code"))
        let names = first.children.filter { $0.name == "com:Name" }
        #expect(names.map { $0.attributes["xml:lang"] } == ["en", "fr"])
        #expect(names.first?.text == framework.indicators.first?.title.text(in: "en"))
        let female = xml.all("str:Codelist").first { $0.attributes["id"] == "CL_DEMO_SEX" }?.all("str:Code").first { $0.attributes["id"] == "F" }
        #expect(female?.first("com:Name")?.text == "Female")
        // The dataflow the data names is the one declared, and it points at the data structure.
        let dataflow = try #require(xml.first("str:Dataflow"))
        #expect("\(dataflow.attributes["agencyID"] ?? ""):\(dataflow.attributes["id"] ?? "")(\(dataflow.attributes["version"] ?? ""))"
            == lines.first?[1])
        #expect(dataflow.first("Ref")?.attributes["id"] == structure.attributes["id"])
        #expect(attributes.first { $0.attributes["id"] == "OBS_STATUS" }?.attributes["assignmentStatus"] == "Mandatory")
    }

    @Test("a label with markup characters is escaped, and the structure stays well-formed")
    func escaping() async throws {
        var (round, framework) = try await ExportTests.round(scale: 0.05)
        framework.title = FrameworkText(plain: "Rights & <freedoms> \"now\"")
        round.projectName = "Ana's <project> & co"
        let files = ExportFormat.sdmxJSON.files(round, framework: framework)
        let xml = try #require(XMLTree.parse(ExportReading.text(try ExportReading.file(files, "demo-round-1-structure.xml"))))
        #expect(xml.first("str:Dataflow")?.first("com:Name")?.text == "Ana's <project> & co: Rights & <freedoms> \"now\"")
    }

    @Test("SDMX-JSON: each observation's key points into the value lists; values, statuses and bounds are the tidy table's")
    func sdmxJSON() async throws {
        let (round, framework) = try await ExportTests.round(scale: 0.05)
        let table = TidyTable(round)
        let files = ExportFormat.sdmxJSON.files(round, framework: framework)
        #expect(files.map(\.path) == ["demo-round-1-sdmx.json", "demo-round-1-structure.xml"])
        let message = try #require(try JSONSerialization.jsonObject(with: try ExportReading.file(files, "demo-round-1-sdmx.json").content) as? [String: Any])
        let structure = try #require(message["structure"] as? [String: Any])
        let dimensions = try #require((structure["dimensions"] as? [String: Any])?["observation"] as? [[String: Any]])
        let attributes = try #require((structure["attributes"] as? [String: Any])?["observation"] as? [[String: Any]])
        #expect(dimensions.compactMap { $0["id"] as? String } == ["INDICATOR"] + table.dimensions + ["TIME_PERIOD"])
        #expect(dimensions.compactMap { $0["keyPosition"] as? Int } == Array(dimensions.indices))
        let dimensionCodes = dimensions.map { ($0["values"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" } }
        let attributeIDs = attributes.map { $0["id"] as? String ?? "" }
        // A coded value is its `id`, any other its `name`.
        let attributeValues = attributes.map { ($0["values"] as? [[String: Any]] ?? []).map { ($0["id"] ?? $0["name"]) as? String ?? "" } }
        let dataSet = try #require((message["dataSets"] as? [[String: Any]])?.first)
        let observations = try #require(dataSet["observations"] as? [String: [Any]])
        #expect(observations.count == table.rows.count)

        var decoded: [[String]: (value: Double?, attributes: [String: String])] = [:]
        for (key, array) in observations {
            let codes = zip(key.split(separator: ":").compactMap { Int($0) }, dimensionCodes).map { $1[$0] }
            var values: [String: String] = [:]
            for (index, position) in array.dropFirst().enumerated() {
                if let position = position as? Int { values[attributeIDs[index]] = attributeValues[index][position] }
            }
            decoded[codes] = (array.first as? Double, values)
        }
        for row in table.rows {
            let observation = try #require(decoded[[row.indicator] + row.levels + [row.period]])
            #expect(observation.attributes["CONF_STATUS"] == Self.confidentiality[row.value.flags])
            if row.value.isSuppressed {
                #expect(observation.value == nil)
                #expect(observation.attributes["OBS_STATUS"] == "Q")
                #expect(observation.attributes["LOWER_BOUND"] == nil && observation.attributes["SAMPLE_SIZE"] == nil)
            } else {
                #expect(observation.value == row.value.value)
                #expect(observation.attributes["OBS_STATUS"] == (row.value.isUnreliable ? "U" : "A"))
                #expect(observation.attributes["UPPER_BOUND"].flatMap(Double.init) == row.value.ciHigh)
                #expect(observation.attributes["SAMPLE_SIZE"].flatMap { Int($0) } == row.value.n)
            }
        }
    }

    @Test("identifiers and versions are made valid for SDMX without changing codes that already are")
    func identifiers() {
        #expect(SDMXDataStructure.identifier("DB-WORK-1") == "DB-WORK-1")
        #expect(SDMXDataStructure.identifier("Y_GE65") == "Y_GE65")
        #expect(SDMXDataStructure.identifier("8.5 a") == "8_5_a")
        #expect(SDMXDataStructure.identifier("") == "_")
        #expect(SDMXDataStructure.version("2026-1") == "2026.1")
        #expect(SDMXDataStructure.version("v3") == "3.0")
        #expect(SDMXDataStructure.version("draft") == "1.0")
    }
}
