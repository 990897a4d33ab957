import Foundation

/// The SDMX-ML 2.1 structure message that describes the SDMX data files: the dataflow, the data
/// structure definition, the concept scheme and every code list, with labels in the framework's
/// languages.
///
/// SDMX tools need it to load the data: pysdmx, sdmx1, .Stat Suite and the Fusion Registry read
/// the SDMX-CSV and SDMX-JSON files against it, and it is what a statistics office registers
/// before it takes citizen data in. Version 2.1 is the one every SDMX tool reads.
enum SDMXStructureMessage {
    static let mediaType = "application/vnd.sdmx.structure+xml;version=2.1"

    private static let namespaces = [
        ("mes", "message"), ("str", "structure"), ("com", "common"),
    ].map { "xmlns:\($0.0)=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/\($0.1)\"" }.joined(separator: " ")

    static func xml(_ structure: SDMXDataStructure) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<mes:Structure \(namespaces)>"]
        func add(_ depth: Int, _ line: String) { lines.append(String(repeating: "  ", count: depth) + line) }
        func name(_ depth: Int, _ text: String, element: String = "com:Name", language: String = "en") {
            add(depth, "<\(element) xml:lang=\"\(XMLText.escaped(language))\">\(XMLText.escaped(text))</\(element)>")
        }
        let agency = SDMXDataStructure.agency
        let version = structure.version
        func maintained(_ id: String) -> String { "id=\"\(XMLText.escaped(id))\" agencyID=\"\(agency)\" version=\"\(version)\"" }

        add(1, "<mes:Header>")
        add(2, "<mes:ID>\(XMLText.escaped(structure.messageID))</mes:ID>")
        add(2, "<mes:Test>false</mes:Test>")
        add(2, "<mes:Prepared>\(ISO8601DateFormatter().string(from: structure.prepared))</mes:Prepared>")
        add(2, "<mes:Sender id=\"\(agency)\">")
        name(3, "Counted")
        add(2, "</mes:Sender>")
        add(1, "</mes:Header>")
        add(1, "<mes:Structures>")

        add(2, "<str:Dataflows>")
        add(3, "<str:Dataflow \(maintained(structure.dataflowID))>")
        name(4, structure.title)
        name(4, "Citizen data collected by \(structure.projectName) and published with Counted. Every value has passed disclosure "
            + "control: CONF_STATUS says why a value is withheld, OBS_STATUS marks it Q (suppressed) or U (low reliability).",
             element: "com:Description")
        add(4, "<str:Structure>")
        add(5, "<Ref \(maintained(structure.structureID)) class=\"DataStructure\" package=\"datastructure\"/>")
        add(4, "</str:Structure>")
        add(3, "</str:Dataflow>")
        add(2, "</str:Dataflows>")

        add(2, "<str:Codelists>")
        for list in structure.codelists {
            add(3, "<str:Codelist \(maintained(list.id))>")
            name(4, list.name)
            for code in list.codes {
                add(4, "<str:Code id=\"\(XMLText.escaped(code.id))\">")
                for text in code.names { name(5, text.text, language: text.language) }
                for text in code.descriptions { name(5, text.text, element: "com:Description", language: text.language) }
                add(4, "</str:Code>")
            }
            add(3, "</str:Codelist>")
        }
        add(2, "</str:Codelists>")

        let components = structure.dimensions + [SDMXDataStructure.measure] + structure.attributes
        add(2, "<str:Concepts>")
        add(3, "<str:ConceptScheme \(maintained(structure.conceptSchemeID))>")
        name(4, "Concepts of \(structure.title)")
        for component in components {
            add(4, "<str:Concept id=\"\(component.id)\">")
            name(5, component.name)
            add(4, "</str:Concept>")
        }
        add(3, "</str:ConceptScheme>")
        add(2, "</str:Concepts>")

        func concept(_ depth: Int, _ component: SDMXDataStructure.Component) {
            add(depth, "<str:ConceptIdentity>")
            add(depth + 1, "<Ref id=\"\(component.id)\" maintainableParentID=\"\(XMLText.escaped(structure.conceptSchemeID))\" "
                + "maintainableParentVersion=\"\(version)\" agencyID=\"\(agency)\" class=\"Concept\" package=\"conceptscheme\"/>")
            add(depth, "</str:ConceptIdentity>")
            add(depth, "<str:LocalRepresentation>")
            switch component.representation {
            case .coded(let list):
                add(depth + 1, "<str:Enumeration>")
                add(depth + 2, "<Ref \(maintained(list.id)) class=\"Codelist\" package=\"codelist\"/>")
                add(depth + 1, "</str:Enumeration>")
            case .text(let type):
                add(depth + 1, "<str:TextFormat textType=\"\(type)\"/>")
            }
            add(depth, "</str:LocalRepresentation>")
        }

        add(2, "<str:DataStructures>")
        add(3, "<str:DataStructure \(maintained(structure.structureID))>")
        name(4, structure.title)
        add(4, "<str:DataStructureComponents>")
        add(5, "<str:DimensionList id=\"DimensionDescriptor\">")
        for (index, dimension) in structure.dimensions.enumerated() {
            let element = dimension.id == SDMXDataStructure.timeDimension ? "str:TimeDimension" : "str:Dimension"
            add(6, "<\(element) id=\"\(dimension.id)\" position=\"\(index + 1)\">")
            concept(7, dimension)
            add(6, "</\(element)>")
        }
        add(5, "</str:DimensionList>")
        add(5, "<str:AttributeList id=\"AttributeDescriptor\">")
        for attribute in structure.attributes {
            add(6, "<str:Attribute id=\"\(attribute.id)\" assignmentStatus=\"\(attribute.isMandatory ? "Mandatory" : "Conditional")\">")
            concept(7, attribute)
            add(7, "<str:AttributeRelationship>")
            add(8, "<str:PrimaryMeasure>")
            add(9, "<Ref id=\"\(SDMXDataStructure.measure.id)\"/>")
            add(8, "</str:PrimaryMeasure>")
            add(7, "</str:AttributeRelationship>")
            add(6, "</str:Attribute>")
        }
        add(5, "</str:AttributeList>")
        add(5, "<str:MeasureList id=\"MeasureDescriptor\">")
        add(6, "<str:PrimaryMeasure id=\"\(SDMXDataStructure.measure.id)\">")
        concept(7, SDMXDataStructure.measure)
        add(6, "</str:PrimaryMeasure>")
        add(5, "</str:MeasureList>")
        add(4, "</str:DataStructureComponents>")
        add(3, "</str:DataStructure>")
        add(2, "</str:DataStructures>")
        add(1, "</mes:Structures>")
        lines.append("</mes:Structure>")
        return lines.joined(separator: "\n") + "\n"
    }
}
