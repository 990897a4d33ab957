import Foundation
import Frameworks

/// The Open SDG metadata of one indicator: a Markdown file whose YAML front matter holds the
/// indicator configuration Open SDG requires (name, number, graph, reporting status) and the SDG
/// metadata concepts it shows (definition, unit, source, method of computation, limitations,
/// references), and whose body Open SDG shows above the chart.
///
/// Citizen data is not official statistics, so the metadata says plainly who collected it (the
/// project), how the value is computed, which rights and SDG targets it informs, and what
/// disclosure control left out. The indicators are not numbered like SDG indicators, so they are
/// published as Open SDG "standalone" indicators with their own address.
enum OpenSDGMetadata {
    static func markdown(_ indicator: Indicator, id: String, round: PublishedRound, framework: Framework, unit: String,
                         dimensions: [String], withheld: Int) -> String {
        let title = indicator.title.text()
        let project = round.projectName
        let unitLabel = unit.prefix(1).uppercased() + unit.dropFirst()
        let disclosure = DisclosureNote.text(round.rules)
        let withheldNote = withheld == 0
            ? "No value of this indicator was suppressed in round \(round.round)."
            : "\(withheld) value\(withheld == 1 ? " was" : "s were") suppressed in round \(round.round) and \(withheld == 1 ? "is" : "are") "
                + "left out of the data file: a missing group means its value is hidden, never that it is zero."
        let rights = indicator.rights.map { "\($0.instrument.name) (\($0.instrument.code)), article\($0.articles.count == 1 ? "" : "s") \($0.articles.joined(separator: ", "))" }
        let targets = indicator.sdg.sorted().map { "SDG \($0.isIndicator ? "indicator" : "target") \($0.code): https://sdgs.un.org/goals/goal\($0.goal)" }
        let breakdown = dimensions.map(DimensionCatalogue.label(of:))
        let form = indicator.computation.form

        let fields: [(String, FrontMatterValue)] = [
            ("indicator_number", .text(indicator.code)),
            ("indicator_name", .text(title)),
            ("graph_title", .text(title)),
            ("graph_type", .text("bar")),
            ("reporting_status", .text("complete")),
            ("data_non_statistical", .flag(false)),
            ("standalone", .flag(true)),
            ("permalink", .text(id)),
            ("computation_units", .text(unitLabel)),
            ("data_footnote", .text(withheldNote)),
            ("copyright", .text("\(project), licensed under \(DataPackage.defaultLicence.title) (\(DataPackage.defaultLicence.path))")),
            ("tags", .list(indicator.sdg.sorted().map { "SDG \($0.code)" } + indicator.rights.map { "\($0.instrument.code) \($0.articles.joined(separator: ", "))" })),
            ("sources", .records([[
                ("organisation", "\(project) (citizen data)"),
                ("periodicity", "Round \(round.round): \(round.roundLabel) (\(round.period))"),
                ("other_info", "Collected by \(project) with Counted, a citizen-data platform: the people concerned, or organisations that "
                    + "represent them, ran the survey themselves."),
            ]])),
            ("STAT_CONC_DEF", .text(indicator.description.text().isEmpty ? title : indicator.description.text())),
            ("UNIT_MEASURE", .text(unitLabel)),
            ("SOURCE_TYPE", .text("Citizen data: a survey run by \(project), not official statistics.")),
            ("COLL_METHOD", .text("Questionnaire \(form) of the \(framework.title.text()) framework (version \(framework.version)); "
                + "\(round.submissions[form].map(String.init) ?? "no") submissions in round \(round.round) (\(round.roundLabel), \(round.period)).")),
            ("DATA_SOURCE", .text(project)),
            ("COMPILING_ORG", .text(project)),
            ("CONTACT_ORGANISATION", .text(project)),
            ("DATA_COMP", .text(methodology(indicator.computation, unit: unit))),
            ("REC_USE_LIM", .text(disclosure + " " + withheldNote)),
            ("COVERAGE", .text(breakdown.isEmpty ? "Not broken down by group." : "Broken down by " + breakdown.joined(separator: ", ") + ".")),
            ("SDG_RELATED_INDICATORS", .text(indicator.sdg.sorted().map(\.code).joined(separator: ", "))),
            ("OTHER_DOC", .text((["Rights monitored:"] + rights.map { "- " + $0 } + ["", "SDG targets and indicators informed:"] + targets.map { "- " + $0 })
                .joined(separator: "\n"))),
        ]
        let frontMatter = fields.map { key, value in value.yaml(key: key) }.joined()
        return "---\n" + frontMatter + "---\n" + disclosure + " " + withheldNote + "\n"
    }

    /// How the value is computed, in words and the questionnaire's own expressions.
    static func methodology(_ computation: Computation, unit: String) -> String {
        func among(_ universe: String?) -> String { universe.map { ", among the respondents for whom `\($0)` holds" } ?? "" }
        let measure = switch computation.measure {
        case .proportion(let numerator, let universe):
            "The share of respondents for whom `\(numerator)` holds\(among(universe))\(unit == "percent" ? ", as a percentage" : "")."
        case .mean(let value, let universe): "The mean of `\(value)`\(among(universe))."
        case .median(let value, let universe): "The median of `\(value)`\(among(universe))."
        case .total(let value, let universe): "The estimated population total of `\(value)`\(among(universe))."
        case .ratio(let numerator, let denominator, let universe): "The ratio of the totals of `\(numerator)` and `\(denominator)`\(among(universe))."
        case .assessment(let field, _, _): "The desk review's answer to `\(field)`."
        }
        return measure + " Computed from the answers to questionnaire \(computation.form) (expressions in the questionnaire's own XLSForm "
            + "language) with design-based survey estimators; each value comes with its standard error and 95% confidence interval."
    }
}
