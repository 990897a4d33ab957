import Frameworks
import Survey

/// The framework's indicators as a table, so a published file says what each code means:
/// theme, type, unit, direction, the SDG targets and rights articles it monitors, and its title
/// in each language of the framework.
public struct IndicatorCatalogue: Sendable {
    public var languages: [String]
    public var rows: [[String]]

    public init(_ framework: Framework) {
        languages = framework.languages
        rows = framework.themes.flatMap { theme in
            theme.indicators.map { indicator in
                [indicator.code, theme.code, indicator.type.rawValue, indicator.unit.rawValue, indicator.direction.rawValue,
                 indicator.sdg.map(\.code).joined(separator: " "),
                 indicator.rights.map { "\($0.instrument.code) \($0.articles.joined(separator: ", "))" }.joined(separator: "; ")]
                    + framework.languages.map { indicator.title.text(in: $0) }
            }
        }
    }

    public var header: [String] {
        ["code", "theme", "type", "unit", "direction", "sdg", "rights"] + languages.map { "title_\($0)" }
    }

    public var csv: String {
        ([header] + rows).map { $0.map(CSVField.escaped).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
