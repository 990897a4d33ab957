import Foundation
import Accounts
import Frameworks
import Hummingbird
import Storage

/// Pages anyone may open: the home page, public project results, health and the stylesheet.
extension Site {
    func addPublicRoutes(to router: Router<CountedRequestContext>) {
        router.get("/health") { _, context -> Response in
            do {
                try await store.ping()
                return Self.json(["status": "ok", "database": store.engineKind.rawValue], status: .ok)
            } catch {
                context.logger.warning("health check failed", metadata: ["error": "\(error)"])
                return Self.json(["status": "unavailable", "database": store.engineKind.rawValue], status: .serviceUnavailable)
            }
        }

        router.get("/static/counted.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: stylesheet)))
        }

        router.get("/") { _, context -> Response in
            let publicProjects = try await store.publicProjects()
            var values: [String: Any] = ["publicProjects": publicProjects.map(Self.projectValues), "hasPublicProjects": !publicProjects.isEmpty]
            if let user = context.identity {
                let mine = try await store.projects(of: user)
                values["hasMyProjects"] = !mine.isEmpty
                values["myProjects"] = mine.map { entry in
                    Self.projectValues(entry.project).merging(["role": entry.role?.rawValue ?? "administrator"]) { $1 }
                }
            }
            return page("home", "Counted", values, context: context)
        }

        router.get("/p/:project") { request, context -> Response in
            let slug = try context.parameters.require("project")
            // A project with a public round is shown as its barometer, at the latest round.
            if let barometer = try await visibleBarometer(slug, context: context, api: false), let latest = barometer.latest {
                let page = BarometerPage(barometer: barometer, current: latest, requestedLanguage: request.uri.queryParameters["lang"].map(String.init))
                return try await publicAnswer(request, context: context, fingerprint: barometer.fingerprint) {
                    publicPage("barometer_overview", page.pageTitle("Overview"), page.overviewValues(), context: context)
                }
            }
            let scope = try await scope(slug, context: context, api: false)
            let results = try await results(for: scope.project)
            var values: [String: Any] = [
                "project": Self.projectValues(scope.project),
                "results": results.map(Self.resultValues),
                "canWork": scope.access.allows(.viewProject),
            ]
            if let stored = try await store.framework(projectID: scope.project.id) {
                values["framework"] = Self.frameworkSummary(stored, path: ProjectEntrance.publicPages.path(of: scope.project) + "/framework")
            }
            return page("results", scope.project.name, values, context: context)
        }
    }

    static func projectValues(_ project: Project) -> [String: Any] {
        ["slug": project.slug, "name": project.name, "description": project.description, "isPublic": project.isPublic]
    }

    /// A project's framework in a sentence, for the pages that link to its explorer.
    static func frameworkSummary(_ stored: StoredFramework, path: String) -> [String: Any] {
        let framework = stored.framework
        let language = FrameworkLanguage(requested: nil, framework: framework)
        var values: [String: Any] = [
            "title": language.values(framework.title), "id": framework.id, "version": framework.version,
            "indicatorCount": framework.indicators.count, "themeCount": framework.themes.count, "link": path,
        ]
        if let kit = stored.kit { values["kit"] = kit }
        return values
    }

    static func resultValues(_ result: IndicatorResult) -> [String: Any] {
        var values: [String: Any] = [
            "code": result.code, "title": result.title, "valueLabel": result.valueLabel,
            "rows": result.rows.map { row -> [String: Any] in
                var values: [String: Any] = [
                    "groupLabel": row.groupLabel, "isOverall": row.group == nil, "isHidden": row.isHidden,
                    "count": row.count.map(String.init) ?? "–", "total": row.total.map(String.init) ?? "–",
                    "share": row.isHidden ? "Hidden" : (row.share.map { percent($0) } ?? "No data"),
                    "interval": row.ciLow.flatMap { low in row.ciHigh.map { "\(percent(low)) to \(percent($0))" } } ?? "",
                    "isUnreliable": row.isUnreliable, "notes": row.notes.joined(separator: " "), "hasNotes": !row.notes.isEmpty,
                ]
                if row.isHidden { values["interval"] = "" }
                return values
            },
            "hasNotes": result.rows.contains { !$0.notes.isEmpty },
        ]
        if let label = result.dimensionLabel { values["dimensionLabel"] = label }
        return values
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
