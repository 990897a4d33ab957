import Accounts
import Foundation
import Frameworks
import Storage

/// The pages that explain a project's framework (what it monitors and why) to members and, for a
/// public project, to anyone: by theme, by rights instrument, by SDG, and one indicator at a time.
/// Every page is built from the stored framework in one chosen language, with links that stay on
/// the side the visitor came in by and in that language.
struct FrameworkExplorer: Sendable {
    let stored: StoredFramework
    let project: Project
    let entrance: ProjectEntrance
    let language: FrameworkLanguage

    init(stored: StoredFramework, project: Project, entrance: ProjectEntrance, requestedLanguage: String?) {
        self.stored = stored
        self.project = project
        self.entrance = entrance
        self.language = FrameworkLanguage(requested: requestedLanguage, framework: stored.framework)
    }

    var framework: Framework { stored.framework }

    /// The explorer's address on the visitor's side: "/projects/slug/framework" or "/p/slug/framework".
    var basePath: String { entrance.path(of: project) + "/framework" }

    /// The pages of the explorer, for its navigation.
    enum View: String, CaseIterable, Sendable {
        case themes, rights, sdg

        var label: String {
            switch self {
            case .themes: "By theme"
            case .rights: "By rights instrument"
            case .sdg: "By SDG"
            }
        }

        var path: String {
            switch self {
            case .themes: ""
            case .rights: "/rights"
            case .sdg: "/sdg"
            }
        }
    }

    /// A page of the explorer in the chosen language (the default language needs no parameter).
    func link(_ path: String = "", anchor: String? = nil) -> String {
        var link = basePath + path
        if language.code != language.fallback { link += "?lang=" + language.code }
        if let anchor { link += "#" + anchor }
        return link
    }

    func indicatorLink(_ code: String) -> String {
        link("/indicators/" + code)
    }

    /// The title for the browser tab: the framework's title and what the page shows.
    func pageTitle(_ what: String) -> String {
        "\(language.text(framework.title)): \(what)"
    }

    /// What every page of the explorer shows: the way back to the project, the framework's title,
    /// the views (the current one marked), the downloads and the languages.
    /// - Parameter path: the page's path under ``basePath``, for the links to it in other languages.
    func frameValues(current: View?, path: String? = nil) -> [String: Any] {
        let pagePath = path ?? current?.path ?? ""
        return [
            "project": Site.projectValues(project),
            "projectPath": entrance.path(of: project),
            "projectPlace": entrance == .workspace ? "workspace" : "results",
            "frameworkTitle": language.values(framework.title),
            "frameworkID": framework.id,
            "version": framework.version,
            "views": View.allCases.map { view -> [String: Any] in
                ["label": view.label, "link": link(view.path), "isCurrent": view == current]
            },
            "csvLink": basePath + ".csv" + (language.code != language.fallback ? "?lang=" + language.code : ""),
            "yamlLink": basePath + ".yaml",
            "fileName": stored.fileName,
            "hasLanguages": framework.languages.count > 1,
            "languages": framework.languages.map { code -> [String: Any] in
                var query = "?lang=" + code
                if code == language.fallback { query = "" }
                return ["code": code, "name": FrameworkLanguage.name(of: code), "isCurrent": code == language.code,
                        "link": basePath + pagePath + query]
            },
        ]
    }

    /// An indicator as a row of the tables and lists that link to it.
    func indicatorSummary(_ indicator: Indicator) -> [String: Any] {
        [
            "code": indicator.code, "title": language.values(indicator.title), "link": indicatorLink(indicator.code),
            "type": indicator.type.label, "rights": indicator.rightsSummary.isEmpty ? "None" : indicator.rightsSummary,
            "sdg": indicator.sdgSummary.isEmpty ? "None" : indicator.sdgSummary,
        ]
    }

    // MARK: By theme

    func themeValues() -> [String: Any] {
        var values = frameValues(current: .themes)
        values["description"] = language.values(framework.description)
        values["hasDescription"] = !framework.description.isEmpty
        values["indicatorCount"] = framework.indicators.count
        values["themeCount"] = framework.themes.count
        values["themes"] = framework.themes.map { theme -> [String: Any] in
            [
                "code": theme.code, "title": language.values(theme.title), "description": language.values(theme.description),
                "hasDescription": !theme.description.isEmpty, "indicators": theme.indicators.map(indicatorSummary),
                "hasIndicators": !theme.indicators.isEmpty,
            ]
        }
        return values
    }

    // MARK: By rights instrument

    func rightsValues() -> [String: Any] {
        var byInstrument: [RightsInstrument: [String: [Indicator]]] = [:]
        // In the order the framework first names them: its author put the main instrument first.
        var instruments: [RightsInstrument] = []
        for indicator in framework.indicators {
            for reference in indicator.rights {
                if !instruments.contains(reference.instrument) { instruments.append(reference.instrument) }
                for article in reference.articles {
                    var articles = byInstrument[reference.instrument] ?? [:]
                    if !(articles[article] ?? []).contains(where: { $0.code == indicator.code }) {
                        articles[article, default: []].append(indicator)
                    }
                    byInstrument[reference.instrument] = articles
                }
            }
        }
        var values = frameValues(current: .rights)
        values["instruments"] = instruments.map { instrument -> [String: Any] in
            let articles = byInstrument[instrument] ?? [:]
            return [
                "code": instrument.code, "name": instrument.name, "anchor": "instrument-" + instrument.code,
                "articles": articles.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { article -> [String: Any] in
                    ["article": article, "indicators": (articles[article] ?? []).map(indicatorSummary)]
                },
            ]
        }
        values["hasInstruments"] = !instruments.isEmpty
        let unlinked = framework.indicators.filter(\.rights.isEmpty)
        values["unlinked"] = unlinked.map(indicatorSummary)
        values["hasUnlinked"] = !unlinked.isEmpty
        return values
    }

    // MARK: By SDG

    func sdgValues() -> [String: Any] {
        var byReference: [SDGReference: [Indicator]] = [:]
        for indicator in framework.indicators {
            for reference in indicator.sdg where !(byReference[reference] ?? []).contains(where: { $0.code == indicator.code }) {
                byReference[reference, default: []].append(indicator)
            }
        }
        let goals = Set(byReference.keys.map(\.goal)).sorted()
        var values = frameValues(current: .sdg)
        values["goals"] = goals.map { goal -> [String: Any] in
            [
                "goal": goal, "anchor": "goal-\(goal)",
                "references": byReference.keys.filter { $0.goal == goal }.sorted().map { reference -> [String: Any] in
                    ["code": reference.code, "kind": reference.isIndicator ? "SDG indicator" : "SDG target",
                     "indicators": (byReference[reference] ?? []).map(indicatorSummary)]
                },
            ]
        }
        values["hasGoals"] = !goals.isEmpty
        let unlinked = framework.indicators.filter(\.sdg.isEmpty)
        values["unlinked"] = unlinked.map(indicatorSummary)
        values["hasUnlinked"] = !unlinked.isEmpty
        return values
    }
}
