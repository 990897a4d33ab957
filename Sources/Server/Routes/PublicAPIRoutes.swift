import Foundation
import Hummingbird
import Publishing

/// The public results API: `/api/public/projects/:project/rounds/...`, read-only, no token
/// needed, for published rounds of public projects. Answers carry an ETag, so clients that poll
/// get "304 Not Modified" until a round is published again. Described at `/api/openapi.json`.
extension Site {
    func addPublicAPIRoutes(to router: Router<CountedRequestContext>) {
        let base = "/api/public/projects/:project/rounds"

        router.get("/api/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: openAPIDocument)))
        }

        router.get(RouterPath(base)) { request, context -> Response in
            let barometer = try await requirePublicBarometer(context: context, api: true)
            let rounds = barometer.rounds.reversed().map { entry in
                PublishedResultsJSON.RoundSummary(
                    number: entry.round.number, label: entry.round.label, period: entry.round.period,
                    publishedAt: entry.round.publication?.publishedAt, links: roundLinks(barometer.project.slug, entry.round.number))
            }
            return try await publicAnswer(request, context: context, fingerprint: barometer.fingerprint) {
                jsonEntry(PublishedResultsJSON.RoundList(project: .init(slug: barometer.project.slug, name: barometer.project.name), rounds: Array(rounds)))
            }
        }

        router.get(RouterPath(base + "/:round")) { request, context -> Response in
            let page = try await barometerPage(request, context: context, api: true)
            let summary = page.results.gapSummary
            let round = page.current.round
            let detail = PublishedResultsJSON.RoundDetail(
                project: .init(slug: page.barometer.project.slug, name: page.barometer.project.name), number: round.number,
                label: round.label, period: round.period, publishedAt: round.publication?.publishedAt,
                submissions: page.results.submissions.values.reduce(0, +),
                framework: .init(id: page.framework.id, version: page.results.frameworkVersion, languages: page.framework.languages),
                comparison: page.results.comparison,
                headline: .init(sentence: page.headline(summary), worse: summary.worse, better: summary.better,
                                noSignificantDifference: summary.noSignificantDifference, notAssessable: summary.notAssessable),
                minimumCount: page.results.rules.minimumCount, links: roundLinks(page.barometer.project.slug, round.number))
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) { jsonEntry(detail) }
        }

        router.get(RouterPath(base + "/:round/indicators")) { request, context -> Response in
            let page = try await barometerPage(request, context: context, api: true)
            let query = request.uri.queryParameters
            let perPage = try Self.positiveInteger(query["per_page"].map(String.init), name: "per_page", default: 20, maximum: 100)
            let number = try Self.positiveInteger(query["page"].map(String.init), name: "page", default: 1, maximum: Int.max)
            var indicators = page.framework.indicators
            if let theme = query["theme"].map(String.init) { indicators = indicators.filter { page.framework.theme(ofIndicator: $0.code)?.code == theme } }
            let start = (number - 1) * perPage
            let items = start < indicators.count ? Array(indicators[start..<min(start + perPage, indicators.count)]) : []
            let path = "/api/public/projects/\(page.barometer.project.slug)/rounds/\(page.current.round.number)/indicators"
            func pageLink(_ target: Int) -> PublishedResultsJSON.Link {
                var href = "\(path)?page=\(target)&per_page=\(perPage)"
                if let theme = query["theme"] { href += "&theme=\(theme)" }
                if page.language.code != page.language.fallback { href += "&lang=\(page.language.code)" }
                return .init(href: href)
            }
            var links: [String: PublishedResultsJSON.Link] = ["self": pageLink(number)]
            if start + perPage < indicators.count { links["next"] = pageLink(number + 1) }
            if number > 1 { links["prev"] = pageLink(number - 1) }
            let body = PublishedResultsJSON.IndicatorPage(page: number, perPage: perPage, total: indicators.count,
                                                          items: items.map { PublishedResultsJSON.indicator($0, in: page) }, links: links)
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                var entry = jsonEntry(body)
                let header = links.filter { $0.key != "self" }.sorted { $0.key < $1.key }.map { "<\($0.value.href)>; rel=\"\($0.key)\"" }
                if !header.isEmpty { entry.headers[.linkHeader] = header.joined(separator: ", ") }
                return entry
            }
        }

        router.get(RouterPath(base + "/:round/indicators/:code")) { request, context -> Response in
            let page = try await barometerPage(request, context: context, api: true)
            let code = try context.parameters.require("code")
            guard let indicator = page.framework.indicator(code: code) else {
                throw APIError(.notFound, "The framework has no indicator '\(code)'.")
            }
            return try await publicAnswer(request, context: context, fingerprint: page.barometer.fingerprint) {
                jsonEntry(PublishedResultsJSON.indicator(indicator, in: page))
            }
        }
    }

    private func roundLinks(_ slug: String, _ number: Int) -> [String: PublishedResultsJSON.Link] {
        let api = "/api/public/projects/\(slug)/rounds/\(number)"
        let pages = "/p/\(slug)/rounds/\(number)"
        return ["self": .init(href: api), "indicators": .init(href: api + "/indicators"), "csv": .init(href: pages + "/results.csv"),
                "page": .init(href: pages), "datapackage": .init(href: pages + "/data/datapackage/datapackage.json")]
    }

    static func positiveInteger(_ text: String?, name: String, default value: Int, maximum: Int) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), number >= 1, number <= maximum else {
            throw APIError(.badRequest, "\(name) must be a whole number from 1\(maximum == Int.max ? "" : " to \(maximum)"); got '\(text)'.",
                           problems: [APIProblem(field: name, message: "Not a whole number in range.")])
        }
        return number
    }

    /// JSON with an ETag made from its bytes.
    func jsonEntry(_ value: some Encodable) -> PublicPageCache.Entry {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=60"]
        headers[.eTag] = "\"\(String(decoding: data, as: UTF8.self).hashValueStable)\""
        headers[.accessControlAllowOrigin] = "*"
        return PublicPageCache.Entry(headers: headers, body: ByteBuffer(bytes: data))
    }
}
