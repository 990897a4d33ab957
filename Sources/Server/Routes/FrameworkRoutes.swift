import Forms
import Frameworks
import Hummingbird
import Storage

/// The framework explorer: a project's framework by theme, by rights instrument and by SDG, each
/// indicator explained, and the framework as CSV and as its YAML file. The same pages answer in
/// the workspace (/projects/:project/framework, for members) and on the public side
/// (/p/:project/framework, for anyone when the project is public), with the access rules of each
/// side's front page.
extension Site {
    func addFrameworkRoutes(to router: Router<CountedRequestContext>) {
        for entrance in ProjectEntrance.allCases {
            let base = "\(entrance.prefix)/:project/framework"

            router.get(RouterPath(base)) { request, context -> Response in
                let (scope, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { return missingFrameworkPage(scope, entrance: entrance, context: context) }
                return page("framework_themes", explorer.pageTitle("indicators by theme"), explorer.themeValues(), context: context)
            }

            router.get(RouterPath(base + "/rights")) { request, context -> Response in
                let (scope, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { return missingFrameworkPage(scope, entrance: entrance, context: context) }
                return page("framework_rights", explorer.pageTitle("indicators by rights instrument"), explorer.rightsValues(), context: context)
            }

            router.get(RouterPath(base + "/sdg")) { request, context -> Response in
                let (scope, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { return missingFrameworkPage(scope, entrance: entrance, context: context) }
                return page("framework_sdg", explorer.pageTitle("indicators by SDG"), explorer.sdgValues(), context: context)
            }

            router.get(RouterPath(base + "/indicators/:code")) { request, context -> Response in
                let (scope, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { return missingFrameworkPage(scope, entrance: entrance, context: context) }
                let code = try context.parameters.require("code")
                guard let indicator = explorer.framework.indicator(code: code) else {
                    throw PageError(.notFound, "The framework \(explorer.framework.id) has no indicator '\(code)'.")
                }
                let form = try await store.latestFormDefinition(projectID: scope.project.id, formID: indicator.computation.form)
                let references = try await store.referenceValues(projectID: scope.project.id).filter { $0.indicator == indicator.code }
                let indicatorPage = FrameworkIndicatorPage(explorer: explorer, indicator: indicator, form: form, references: references)
                return page("framework_indicator", "\(explorer.language.text(indicator.title)) (\(indicator.code))",
                            indicatorPage.values(), context: context)
            }

            router.get(RouterPath(base + ".csv")) { request, context -> Response in
                let (_, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { throw PageError(.notFound, "This project has no framework yet, so there is nothing to download.") }
                return Self.download(FrameworkCSV.text(explorer.framework, language: explorer.language),
                                     contentType: "text/csv; charset=utf-8", fileName: explorer.framework.id + ".csv")
            }

            router.get(RouterPath(base + ".yaml")) { request, context -> Response in
                let (_, explorer) = try await frameworkExplorer(request, context: context, entrance: entrance)
                guard let explorer else { throw PageError(.notFound, "This project has no framework yet, so there is nothing to download.") }
                return Self.download(explorer.stored.source, contentType: "text/yaml; charset=utf-8", fileName: explorer.framework.id + ".yaml")
            }
        }
    }

    /// The project (after the access checks of `entrance`) and its framework explorer, nil when
    /// the project has no framework.
    func frameworkExplorer(_ request: Request, context: CountedRequestContext,
                           entrance: ProjectEntrance) async throws -> (ProjectScope, FrameworkExplorer?) {
        let scope = try await scope(try context.parameters.require("project"), through: entrance, context: context)
        guard let stored = try await store.framework(projectID: scope.project.id) else { return (scope, nil) }
        let explorer = FrameworkExplorer(stored: stored, project: scope.project, entrance: entrance,
                                         requestedLanguage: request.uri.queryParameters["lang"].map(String.init))
        return (scope, explorer)
    }

    /// What the explorer shows for a project without a framework: how to get one. Not found, as
    /// there is no framework at this address, but a page to go on from.
    func missingFrameworkPage(_ scope: ProjectScope, entrance: ProjectEntrance, context: CountedRequestContext) -> Response {
        let values: [String: Any] = [
            "project": Self.projectValues(scope.project), "projectPath": entrance.path(of: scope.project),
            "projectPlace": entrance == .workspace ? "workspace" : "results",
            "canCreate": context.identity?.isAdministrator ?? false,
        ]
        return page("framework_missing", "No framework yet", values, context: context, status: .notFound)
    }

    /// `Content-Disposition` for a file to save under `fileName`, reduced to characters every
    /// browser and file system accepts.
    static func attachment(_ fileName: String) -> String {
        let safeName = String(fileName.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        return "attachment; filename=\"\(safeName)\""
    }

    /// A file to save rather than show, named for the download.
    static func download(_ text: String, contentType: String, fileName: String) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        headers[.contentDisposition] = attachment(fileName)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
