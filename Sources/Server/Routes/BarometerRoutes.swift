import Foundation
import Frameworks
import Hummingbird
import Publishing
import Storage

/// The public barometer of a project: an overview, a page per theme and per indicator, the open
/// data of each round and a printable report. Only public rounds (published, embargo over) are
/// shown, each as it was published.
extension Site {
    func addBarometerRoutes(to router: Router<CountedRequestContext>) {
        let round = "/p/:project/rounds/:round"

        router.get(RouterPath(round)) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                publicPage("barometer_overview", page.pageTitle("Overview"), page.overviewValues(), context: context)
            }
        }

        router.get(RouterPath(round + "/themes/:theme")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            let code = try context.parameters.require("theme")
            guard let theme = page.framework.themes.first(where: { $0.code == code }) else {
                throw PageError(.notFound, "The framework has no theme '\(code)'.")
            }
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                publicPage("barometer_theme", page.pageTitle(page.language.text(theme.title)), page.themeValues(theme), context: context)
            }
        }

        router.get(RouterPath(round + "/indicators/:code")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            let code = try context.parameters.require("code")
            guard let indicator = page.framework.indicator(code: code) else {
                throw PageError(.notFound, "The framework has no indicator '\(code)'.")
            }
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                publicPage("barometer_indicator", page.pageTitle(page.language.text(indicator.title)), page.indicatorValues(indicator),
                           context: context)
            }
        }

        router.get(RouterPath(round + "/downloads")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                publicPage("barometer_downloads", page.pageTitle("Open data"), page.downloadsValues(), context: context)
            }
        }

        router.get(RouterPath(round + "/report")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                publicPage("barometer_report", page.pageTitle("Report"), page.reportValues(stylesheet: stylesheet), context: context)
            }
        }

        router.get(RouterPath(round + "/report.pdf")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                // The PDF is the anonymous report: no session, no user name in it.
                let frame = PageFrame(title: page.pageTitle("Report"), userName: nil, csrfToken: "")
                let html = views.html("barometer_report", page.reportValues(stylesheet: stylesheet), page: frame)
                let pdf: Data
                do {
                    pdf = try await ReportPDF.render(html: html)
                } catch let failure as ReportPDF.Failure {
                    throw PageError(.serviceUnavailable, failure.description)
                }
                return download(ExportFile(path: "report.pdf", mediaType: "application/pdf", content: pdf),
                                fileName: "\(page.barometer.project.slug)-round-\(page.current.round.number)-report.pdf", page: page)
            }
        }

        router.get(RouterPath(round + "/results.csv")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                download(ExportFile(path: "results.csv", mediaType: "text/csv", text: TidyTable(page.results).csv),
                         fileName: "\(page.barometer.project.slug)-round-\(page.current.round.number).csv", page: page)
            }
        }

        router.get("/p/:project/results.csv") { request, context -> Response in
            let barometer = try await requirePublicBarometer(context: context)
            guard let latest = barometer.latest else { throw PageError(.notFound, "No round of this project is public yet.") }
            let page = BarometerPage(barometer: barometer, current: latest, requestedLanguage: nil)
            return try await publicAnswer(request, context: context, fingerprint: barometer.fingerprint) {
                download(ExportFile(path: "results.csv", mediaType: "text/csv", text: TidyTable(page.results).csv),
                         fileName: "\(barometer.project.slug)-latest.csv", page: page)
            }
        }

        router.get(RouterPath(round + "/data/:format/**")) { request, context -> Response in
            let page = try await barometerPage(request, context: context)
            let name = try context.parameters.require("format")
            guard let format = ExportFormat(rawValue: name) else {
                throw PageError(.notFound, "There is no open-data format '\(name)'. The formats are \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                guard let file = format.files(page.results, framework: page.framework).first(where: { $0.path == path }) else {
                    throw PageError(.notFound, "The \(format.rawValue) export has no file '\(path)'.")
                }
                return download(file, fileName: path.split(separator: "/").last.map(String.init) ?? path, page: page,
                         inline: format == .datapackage || path.hasSuffix(".json"))
            }
        }
    }

    /// The project's public barometer, or not found (a page, or a JSON error for the API) when
    /// nothing of it is public.
    func requirePublicBarometer(context: CountedRequestContext, api: Bool = false) async throws -> PublicBarometer {
        let slug = try context.parameters.require("project")
        guard let barometer = try await visibleBarometer(slug, context: context, api: api) else {
            throw notFound("No round of the project '\(slug)' is published yet.", api: api)
        }
        return barometer
    }

    /// The project's public barometer as the person asking may see it (nil when no round is
    /// public); for anonymous readers, the one read a moment ago when there is one.
    func visibleBarometer(_ slug: String, context: CountedRequestContext, api: Bool) async throws -> PublicBarometer? {
        if context.identity == nil, let recent = recentBarometers.barometer(slug: slug) { return recent }
        let scope = try await scope(slug, context: context, api: api)
        guard let barometer = try await publicBarometer(scope.project) else { return nil }
        if context.identity == nil { recentBarometers.remember(barometer, slug: slug, for: configuration.publicFreshness) }
        return barometer
    }

    /// The barometer page of the round in the address, in the language asked for.
    func barometerPage(_ request: Request, context: CountedRequestContext, api: Bool = false) async throws -> BarometerPage {
        let barometer = try await requirePublicBarometer(context: context, api: api)
        let text = try context.parameters.require("round")
        guard let number = Int(text), let current = barometer.round(number: number) else {
            throw notFound("Round \(text) of this project is not public.", api: api)
        }
        return BarometerPage(barometer: barometer, current: current, requestedLanguage: request.uri.queryParameters["lang"].map(String.init))
    }

    /// A published file with an ETag: the same publication and framework always give the same
    /// bytes, so a spreadsheet refreshing the link gets "304 Not Modified" until either changes.
    func download(_ file: ExportFile, fileName: String, page: BarometerPage, inline: Bool = false) -> PublicPageCache.Entry {
        let published = page.current.round.publication?.publishedAt.timeIntervalSince1970 ?? 0
        let tag = "\"\(page.current.round.id)-\(Int(published * 1000))-\(page.barometer.stored.updatedAt.hashValueStable)\""
        var headers: HTTPFields = [.contentType: file.mediaType + (file.mediaType.hasPrefix("text/") || file.mediaType.hasSuffix("json") ? "; charset=utf-8" : "")]
        headers[.eTag] = tag
        headers[.cacheControl] = "public, max-age=300"
        headers[.accessControlAllowOrigin] = "*"
        if !inline { headers[.contentDisposition] = Self.attachment(fileName) }
        return PublicPageCache.Entry(headers: headers, body: ByteBuffer(bytes: file.content))
    }
}

extension String {
    /// A hash that is the same in every process and every run (Swift's `hashValue` is seeded per
    /// process): FNV-1a over the UTF-8 bytes, in hexadecimal.
    var hashValueStable: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
