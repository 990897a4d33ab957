import Foundation
import Frameworks
import Publishing
import Storage

/// One page of a project's public barometer: a round's results in one of the framework's
/// languages. Holds what every page shares (the way between rounds, themes, downloads and the
/// report, the language links); each kind of page adds its own values in an extension.
struct BarometerPage: Sendable {
    let barometer: PublicBarometer
    let current: PublicBarometer.PublicRound
    let language: FrameworkLanguage

    init(barometer: PublicBarometer, current: PublicBarometer.PublicRound, requestedLanguage: String?) {
        self.barometer = barometer
        self.current = current
        self.language = FrameworkLanguage(requested: requestedLanguage, framework: barometer.framework)
    }

    var framework: Framework { barometer.framework }
    var results: PublishedRound { current.results }
    var projectPath: String { "/p/" + barometer.project.slug }
    var roundPath: String { "\(projectPath)/rounds/\(current.round.number)" }

    /// A page of the barometer in the chosen language (the default language needs no parameter).
    func link(_ path: String, anchor: String? = nil) -> String {
        var link = path
        if language.code != language.fallback { link += "?lang=" + language.code }
        if let anchor { link += "#" + anchor }
        return link
    }

    func themeLink(_ code: String) -> String { link("\(roundPath)/themes/\(code)") }
    func indicatorLink(_ code: String) -> String { link("\(roundPath)/indicators/\(code)") }

    /// "Everyone", "Persons with disability", "Female · 18 to 29".
    func domainLabel(dimensions: [String], levels: [String]) -> String {
        guard !dimensions.isEmpty else { return "Everyone" }
        return zip(dimensions, levels).map { framework.label(ofLevel: $1, dimension: $0) }.joined(separator: " · ")
    }

    /// The sections of the barometer's navigation.
    enum Section: Equatable {
        case overview, theme(String), indicator, downloads, report
    }

    /// What every page shows: the project, the round (and the others), the themes, the downloads,
    /// the report and the languages.
    /// - Parameter pagePath: the page's path without the language, for the links to it in other languages.
    func frameValues(_ section: Section, pagePath: String) -> [String: Any] {
        let round = current.round
        var values: [String: Any] = [
            "project": Site.projectValues(barometer.project),
            "frameworkTitle": language.values(framework.title),
            "round": ["number": round.number, "label": round.label, "period": round.period,
                      "published": Self.day(round.publication?.publishedAt)] as [String: Any],
            "overviewLink": link(roundPath), "isOverview": section == .overview,
            "downloadsLink": link(roundPath + "/downloads"), "isDownloads": section == .downloads,
            "reportLink": link(roundPath + "/report"),
            "explorerLink": link(projectPath + "/framework"),
            "themesNav": framework.themes.map { theme -> [String: Any] in
                ["title": language.values(theme.title), "link": themeLink(theme.code), "isCurrent": section == .theme(theme.code)]
            },
            "rounds": barometer.rounds.reversed().map { other -> [String: Any] in
                ["label": other.round.label, "period": other.round.period, "link": link("\(projectPath)/rounds/\(other.round.number)"),
                 "isCurrent": other.round.number == round.number]
            },
            "hasOtherRounds": barometer.rounds.count > 1,
        ]
        let languages = framework.languages
        values["hasLanguages"] = languages.count > 1
        values["languages"] = languages.map { code -> [String: Any] in
            var target = pagePath
            if code != language.fallback { target += "?lang=" + code }
            return ["code": code, "name": FrameworkLanguage.name(of: code), "link": target, "isCurrent": code == language.code]
        }
        values["lang"] = language.code
        return values
    }

    /// The title for the browser tab.
    func pageTitle(_ what: String) -> String {
        "\(what) · \(barometer.project.name), \(current.round.label)"
    }

    static func day(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }
}
