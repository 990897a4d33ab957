import Foundation
import Frameworks
import Survey

/// The SDMX data structure of a published round: the dataflow, its data structure definition
/// (dimensions, measure, attributes), the concepts they stand for and the code lists of their
/// values. The structure message, the SDMX-CSV and the SDMX-JSON files are all written from this
/// one description, so their identifiers and codes cannot drift apart.
///
/// Every series has the same key: the indicator, every dimension that appears anywhere in the
/// round (`_T` where a value is a total over it, as in the SDG data structure), and the period.
struct SDMXDataStructure: Sendable, Hashable {
    /// The maintenance agency named on every artefact. A project has no SDMX agency of its own, so
    /// the structures carry the name of the software that made them; the project is in the IDs.
    static let agency = "COUNTED"

    /// A text in one language (`xml:lang`).
    struct Name: Sendable, Hashable {
        var language: String
        var text: String
    }

    struct Code: Sendable, Hashable {
        var id: String
        var names: [Name]
        var descriptions: [Name] = []
    }

    struct Codelist: Sendable, Hashable {
        var id: String
        var name: String
        var codes: [Code]
    }

    /// What a component's values are: codes from a list, or text of an SDMX text type
    /// (`Double`, `Integer`, `ObservationalTimePeriod`).
    enum Representation: Sendable, Hashable {
        case coded(Codelist)
        case text(String)
    }

    struct Component: Sendable, Hashable {
        var id: String
        /// The name of the concept the component stands for.
        var name: String
        var representation: Representation
        /// Whether every observation has a value for it (attributes only).
        var isMandatory = true

        var codelist: Codelist? {
            if case .coded(let list) = representation { list } else { nil }
        }
    }

    static let indicatorDimension = "INDICATOR"
    static let timeDimension = "TIME_PERIOD"
    static let measure = Component(id: "OBS_VALUE", name: "Observation value", representation: .text("Double"))

    var projectName: String
    /// Title of the dataflow: the project and its framework.
    var title: String
    var messageID: String
    var dataflowID: String
    var structureID: String
    var conceptSchemeID: String
    var version: String
    var period: String
    /// When the round was published: the message's preparation time, so the same publication
    /// always gives the same bytes.
    var prepared: Date
    /// In key order: the indicator, the round's dimensions, the period.
    var dimensions: [Component]
    var attributes: [Component]

    init(_ round: PublishedRound, framework: Framework, table: TidyTable) {
        let project = Self.identifier(round.projectSlug.uppercased().replacingOccurrences(of: "-", with: "_"))
        projectName = round.projectName
        title = "\(round.projectName): \(framework.title.text())"
        messageID = "\(project)_ROUND_\(round.round)"
        dataflowID = "DF_\(project)"
        structureID = "DSD_\(project)"
        conceptSchemeID = "CS_\(project)"
        version = Self.version(framework.version)
        period = round.period
        prepared = round.computedAt

        func codelist(_ concept: String, _ name: String, _ codes: [Code]) -> Codelist {
            Codelist(id: "CL_\(project)_\(concept)", name: name, codes: codes)
        }
        let languages = framework.languages.isEmpty ? ["en"] : framework.languages
        func names(_ text: FrameworkText) -> [Name] {
            let written = languages.compactMap { language in
                text.translation(in: language).flatMap { $0.language == language || $0.language.isEmpty ? Name(language: language, text: $0.text) : nil }
            }
            return written.isEmpty ? [Name(language: "en", text: text.text())] : written
        }
        let indicatorCodes = framework.indicators.map { indicator in
            Code(id: Self.identifier(indicator.code), names: names(indicator.title),
                 descriptions: indicator.description.isEmpty ? [] : names(indicator.description))
        }
        var dimensions = [Component(id: Self.indicatorDimension, name: "Indicator",
                                    representation: .coded(codelist(Self.indicatorDimension, "Indicators of \(framework.title.text())", indicatorCodes)))]
        for (column, dimension) in table.dimensions.enumerated() {
            var levels = [DimensionCatalogue.total] + (framework.group(dimension: dimension)?.declaredLevels ?? [])
            for row in table.rows where !levels.contains(row.levels[column]) { levels.append(row.levels[column]) }
            let codes = levels.map { Code(id: Self.identifier($0), names: [Name(language: "en", text: framework.label(ofLevel: $0, dimension: dimension))]) }
            dimensions.append(Component(id: dimension, name: DimensionCatalogue.label(of: dimension),
                                        representation: .coded(codelist(dimension, DimensionCatalogue.label(of: dimension), codes))))
        }
        dimensions.append(Component(id: Self.timeDimension, name: "Time period", representation: .text("ObservationalTimePeriod")))
        self.dimensions = dimensions

        var units: [String] = []
        for row in table.rows where !units.contains(row.unit) { units.append(row.unit) }
        let unitCodes = units.map { Code(id: Self.identifier($0), names: [Name(language: "en", text: $0.prefix(1).uppercased() + $0.dropFirst())]) }
        func statusCodes(_ codes: [SDMXStatus.Code]) -> [Code] {
            codes.map { Code(id: $0.id, names: [Name(language: "en", text: $0.name)]) }
        }
        attributes = [
            Component(id: "UNIT_MEASURE", name: "Unit of measure", representation: .coded(codelist("UNIT_MEASURE", "Units of measure", unitCodes))),
            Component(id: "OBS_STATUS", name: "Observation status",
                      representation: .coded(codelist("OBS_STATUS", "Observation status (codes of the SDMX list CL_OBS_STATUS)",
                                                      statusCodes(SDMXStatus.observationCodes)))),
            Component(id: "CONF_STATUS", name: "Confidentiality status",
                      representation: .coded(codelist("CONF_STATUS", "Confidentiality status (codes of the SDMX list CL_CONF_STATUS)",
                                                      statusCodes(SDMXStatus.confidentialityCodes)))),
            Component(id: "LOWER_BOUND", name: "Lower bound of the 95% confidence interval", representation: .text("Double"), isMandatory: false),
            Component(id: "UPPER_BOUND", name: "Upper bound of the 95% confidence interval", representation: .text("Double"), isMandatory: false),
            Component(id: "STANDARD_ERROR", name: "Standard error (design-based)", representation: .text("Double"), isMandatory: false),
            Component(id: "SAMPLE_SIZE", name: "Respondents behind the value (unweighted)", representation: .text("Integer"), isMandatory: false),
        ]
    }

    /// Every code list, each once, in the order of the components.
    var codelists: [Codelist] { (dimensions + attributes).compactMap(\.codelist) }

    /// How SDMX-CSV names the dataflow: `AGENCY:ID(VERSION)`.
    var dataflowReference: String { "\(Self.agency):\(dataflowID)(\(version))" }

    func urn(_ kind: String, _ id: String) -> String {
        "urn:sdmx:org.sdmx.infomodel.datastructure.\(kind)=\(Self.agency):\(id)(\(version))"
    }

    /// `text` as an SDMX identifier (letters, digits, `_`, `@`, `$` and `-`): codes that already
    /// are one, as Counted's and the kits' all are, stay as they are; any other character becomes
    /// `_`, so a framework's own code such as "8.5" cannot make the files invalid.
    static func identifier(_ text: String) -> String {
        let safe = text.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_@$-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        }
        return safe.isEmpty ? "_" : String(safe)
    }

    /// An SDMX 2.1 version (digits separated by dots) from a framework version such as "2026-1":
    /// its groups of digits, joined by dots, so a new framework version gives new structures.
    static func version(_ frameworkVersion: String) -> String {
        let numbers = frameworkVersion.split { !$0.isASCII || !$0.isNumber }.map { String(Int($0) ?? 0) }
        switch numbers.count {
        case 0: return "1.0"
        case 1: return numbers[0] + ".0"
        default: return numbers.joined(separator: ".")
        }
    }
}
