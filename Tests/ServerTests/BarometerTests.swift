import Accounts
import CountedTestSupport
import Demo
import Foundation
import Frameworks
import HTTPTypes
import Hummingbird
import Publishing
@testable import Server
import Storage
import Testing

/// The public barometer of the demo project: its pages in every language of the framework, its
/// downloads, its report and its JSON API, made from the published rounds only, and hidden while
/// a round is under embargo or unpublished.
@Suite("Public barometer")
struct BarometerTests {
    static func seedDemo(_ h: Harness) async throws -> (Project, Framework, [PublishedRound]) {
        _ = try await DemoSeed.seed(into: h.store, hasher: PasswordHasher(cost: 4))
        let project = try #require(try await h.store.project(slug: "demo"))
        let framework = try #require(try await h.store.framework(projectID: project.id)).framework
        var rounds: [PublishedRound] = []
        for round in try await h.store.rounds(projectID: project.id) {
            rounds.append(try #require(try await RoundPublisher(store: h.store).published(project: project, round: round)))
        }
        return (project, framework, rounds)
    }

    static func page(_ h: Harness, _ uri: String, status: HTTPResponse.Status = .ok) async throws -> String {
        let response = try await h.request(.get, uri)
        let html = String(buffer: response.body)
        #expect(response.status == status, "\(uri): \(response.status)")
        return html
    }

    @Test("every page of both rounds answers in each language, with the headline, gaps, trends and charts", arguments: TestEngine.allCases)
    func pages(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let (_, framework, rounds) = try await Self.seedDemo(h)
            let front = try await Self.page(h, "/p/demo")
            #expect(front.contains("Second barometer"), "the front page shows the latest round")
            let worse = rounds[1].gapSummary.worse, total = rounds[1].gapSummary.total
            #expect(front.contains("worse off in \(worse) of \(total) areas"))
            for round in rounds {
                for language in framework.languages {
                    let query = language == framework.languages.first ? "" : "?lang=\(language)"
                    let base = "/p/demo/rounds/\(round.round)"
                    let overview = try await Self.page(h, base + query)
                    #expect(overview.contains(FrameworkExplorerTests.escaped(framework.title.text(in: language))))
                    for theme in framework.themes {
                        let html = try await Self.page(h, "\(base)/themes/\(theme.code)\(query)")
                        #expect(html.contains(FrameworkExplorerTests.escaped(theme.title.text(in: language))))
                    }
                    for indicator in framework.indicators {
                        let html = try await Self.page(h, "\(base)/indicators/\(indicator.code)\(query)")
                        #expect(html.contains("lang=\"\(language)\">\(FrameworkExplorerTests.escaped(indicator.title.text(in: language)))</h1>"))
                        #expect(html.range(of: #"\b(nan|NaN|inf)\b"#, options: .regularExpression) == nil, "\(indicator.code): no number that is not one")
                        guard let published = round[indicator.code], !published.values.isEmpty else { continue }
                        #expect(html.contains("<svg") && html.contains("role=\"img\""), "\(indicator.code) has charts")
                        if published.gap != nil { #expect(html.contains("id=\"gap-heading\"")) }
                        if round.round == 2 { #expect(html.contains("id=\"trend-heading\""), "\(indicator.code): two rounds make a trend") }
                        // Every suppressed one-way value reads "Suppressed" in its table row, never a number.
                        for value in published.values where value.isSuppressed && value.dimensions.count == 1 {
                            let label = framework.label(ofLevel: value.levels[0], dimension: value.dimensions[0])
                            #expect(html.contains("<th scope=\"row\">\(FrameworkExplorerTests.escaped(label))</th><td>Suppressed ("),
                                    "\(indicator.code) \(value.levels)")
                        }
                    }
                }
            }
            _ = try await Self.page(h, "/p/demo/rounds/3", status: .notFound)
            _ = try await Self.page(h, "/p/demo/rounds/1/indicators/NO-SUCH", status: .notFound)
            let report = try await Self.page(h, "/p/demo/rounds/2/report")
            for indicator in framework.indicators { #expect(report.contains(indicator.code)) }
            #expect(report.contains("<style>"), "the report carries its stylesheet, for printing from a file")
        }
    }

    @Test("downloads give the same bytes as `counted export`, with an ETag that answers 304")
    func downloads() async throws {
        try await Harness.run(.sqlite) { h in
            let (_, framework, rounds) = try await Self.seedDemo(h)
            let page = try await Self.page(h, "/p/demo/rounds/1/downloads")
            for format in ExportFormat.allCases {
                for file in format.files(rounds[0], framework: framework) {
                    let link = "/p/demo/rounds/1/data/\(format.rawValue)/\(file.path)"
                    #expect(page.contains("href=\"\(link)\""), "\(link) is listed")
                    let response = try await h.request(.get, link)
                    #expect(response.status == .ok)
                    #expect(Data(buffer: response.body) == file.content, "\(link) is the exported file")
                }
            }
            let csv = try await h.request(.get, "/p/demo/rounds/1/results.csv")
            #expect(String(buffer: csv.body) == TidyTable(rounds[0]).csv)
            let tag = try #require(csv.headers[.eTag])
            let again = try await h.client.execute(uri: "/p/demo/rounds/1/results.csv", method: .get, headers: [.ifNoneMatch: tag], body: nil)
            #expect(again.status == .notModified)
            let latest = try await h.request(.get, "/p/demo/results.csv")
            #expect(String(buffer: latest.body) == TidyTable(rounds[1]).csv)
            #expect(try await h.request(.get, "/p/demo/rounds/1/data/nonsense/x.csv").status == .notFound)
        }
    }

    @Test("a round under embargo or unpublished is nowhere public, and the rest stays")
    func embargo() async throws {
        try await Harness.run(.sqlite) { h in
            let (project, _, _) = try await Self.seedDemo(h)
            let second = try #require(try await h.store.round(projectID: project.id, number: 2))
            try await RoundPublisher(store: h.store).publish(project: project, round: second, embargoUntil: Date().addingTimeInterval(86_400), actorID: nil)
            _ = try await Self.page(h, "/p/demo/rounds/2", status: .notFound)
            #expect(try await h.request(.get, "/p/demo/rounds/2/results.csv").status == .notFound)
            #expect(try await h.request(.get, "/api/public/projects/demo/rounds/2").status == .notFound)
            let front = try await Self.page(h, "/p/demo")
            #expect(front.contains("First barometer") && !front.contains("Second barometer"))
            let list = try Harness.json(try await h.request(.get, "/api/public/projects/demo/rounds"))
            #expect((list["rounds"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [1])

            let first = try #require(try await h.store.round(projectID: project.id, number: 1))
            try await h.store.unpublish(first, actorID: nil)
            _ = try await Self.page(h, "/p/demo/rounds/1", status: .notFound)
            #expect(try await h.request(.get, "/api/public/projects/demo/rounds").status == .notFound)
            #expect(!(try await Self.page(h, "/p/demo")).contains("First barometer"))
        }
    }

    @Test("the JSON API pages through indicators, marks suppressed values, and answers 304 to a known ETag")
    func api() async throws {
        try await Harness.run(.sqlite) { h in
            let (_, framework, rounds) = try await Self.seedDemo(h)
            let detail = try Harness.json(try await h.request(.get, "/api/public/projects/demo/rounds/2"))
            #expect((detail["headline"] as? [String: Any])?["worse"] as? Int == rounds[1].gapSummary.worse)

            var codes: [String] = []
            var uri: String? = "/api/public/projects/demo/rounds/1/indicators?per_page=5"
            while let next = uri {
                let response = try await h.request(.get, next)
                #expect(response.status == .ok)
                let body = try Harness.json(response)
                #expect(body["total"] as? Int == framework.indicators.count)
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.count <= 5)
                codes += items.compactMap { $0["code"] as? String }
                uri = ((body["links"] as? [String: Any])?["next"] as? [String: Any])?["href"] as? String
                if uri != nil { #expect(response.headers[.linkHeader]?.contains("rel=\"next\"") == true) }
            }
            #expect(codes == framework.indicators.map(\.code))

            let suppressed = try #require(rounds[0].indicators.first { $0.values.contains(where: \.isSuppressed) })
            let one = try await h.request(.get, "/api/public/projects/demo/rounds/1/indicators/\(suppressed.code)")
            let values = try #require(try Harness.json(one)["values"] as? [[String: Any]])
            #expect(values.count == suppressed.values.count)
            for (json, value) in zip(values, suppressed.values) {
                #expect(json["suppressed"] as? Bool == value.isSuppressed)
                if value.isSuppressed {
                    #expect(json["value"] is NSNull || json["value"] == nil)
                    #expect(json["flags"] as? String == value.flags)
                } else {
                    #expect(json["value"] as? Double == value.value)
                }
            }
            let tag = try #require(one.headers[.eTag])
            let cached = try await h.client.execute(uri: "/api/public/projects/demo/rounds/1/indicators/\(suppressed.code)", method: .get,
                                                    headers: [.ifNoneMatch: tag], body: nil)
            #expect(cached.status == .notModified)

            let bad = try await h.request(.get, "/api/public/projects/demo/rounds/1/indicators?per_page=0")
            #expect(bad.status == .badRequest)
            #expect(try Harness.problems(bad).first?["field"] as? String == "per_page")
        }
    }

    @Test("every API route is in /api/openapi.json and every documented operation exists")
    func openAPI() async throws {
        try await TestDatabase.withStore(.sqlite) { store in
            let (router, _) = try await buildRouter(store: store, configuration: Harness.configuration)
            let routes = Set(router.routes.map { route -> String in
                let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
            }.filter { $0.contains(" /api/") })
            let document = try StaticFile.text("openapi.json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
            #expect(object["openapi"] as? String == "3.1.0")
            let paths = try #require(object["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in
                operations.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map { "\($0) \(path)" }
            })
            #expect(routes.subtracting(documented).isEmpty, "undocumented: \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "documented but missing: \(documented.subtracting(routes).sorted())")
            #expect(routes.count > 15)
        }
    }
}
