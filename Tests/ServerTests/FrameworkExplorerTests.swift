import Accounts
import CountedTestSupport
import Forms
import Foundation
import Frameworks
import HTTPTypes
import Kits
import Storage
import Testing

/// Projects created from a kit in the web interface, and the framework explorer that shows their
/// framework: by theme, by rights instrument, by SDG, one indicator at a time, and as downloads.
@Suite("Framework explorer")
struct FrameworkExplorerTests {
    static let kitName = "disability-barometer"

    /// Creates a project from the kit through the new-project form, signed in as the administrator.
    static func createFromKit(_ h: Harness, slug: String = "barometer", isPublic: Bool = true) async throws -> BrowserLogin {
        let admin = try await h.signIn(h.fixture.administrator)
        var fields = [("organisation", "dpo"), ("organisation_name", "Disabled people's organisation"),
                      ("name", "Barometer \(slug)"), ("slug", slug), ("kit", kitName), ("description", "")]
        if isPublic { fields.append(("public", "1")) }
        let created = try await h.post("/projects", session: admin, fields: fields)
        #expect(created.status == .seeOther, "\(String(buffer: created.body))")
        #expect(created.headers[.location] == "/projects/\(slug)")
        return admin
    }

    /// Text as the templates write it into HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    @Test("a project created from a kit on the new-project page has the kit's questionnaires and framework", arguments: TestEngine.allCases)
    func createFromKit(engine: TestEngine) async throws {
        let kit = try KitLibrary.load(Self.kitName)
        try await Harness.run(engine) { h in
            let admin = try await h.signIn(h.fixture.administrator)
            let form = String(buffer: try await h.request(.get, "/projects/new", session: admin).body)
            #expect(form.contains("value=\"\(Self.kitName)\""))
            #expect(form.contains(Self.escaped(kit.framework.title.text(in: kit.framework.defaultLanguage))))
            #expect(form.contains("No kit (empty project)"))

            _ = try await Self.createFromKit(h)
            let project = try #require(try await h.store.project(slug: "barometer"))
            #expect(project.isPublic)
            let forms = try await h.store.forms(projectID: project.id).map(\.formID).sorted()
            #expect(forms == kit.questionnaires.map(\.entry.form).sorted())
            let stored = try #require(try await h.store.framework(projectID: project.id))
            #expect(stored.framework == kit.framework)
            #expect(stored.source == kit.frameworkSource)
            #expect(stored.kit == Self.kitName)
            #expect(try await h.store.role(userID: h.fixture.administrator.id, projectID: project.id) == .owner)

            let workspace = String(buffer: try await h.request(.get, "/projects/barometer", session: admin).body)
            #expect(workspace.contains("href=\"/projects/barometer/framework\""))
            let results = String(buffer: try await h.request(.get, "/p/barometer").body)
            #expect(results.contains("href=\"/p/barometer/framework\""))
        }
    }

    @Test("a bad kit choice is refused with the form kept, and nothing is created", arguments: TestEngine.allCases)
    func badKit(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            let admin = try await h.signIn(h.fixture.administrator)
            let refused = try await h.post("/projects", session: admin, fields: [
                ("organisation", "new-org"), ("name", "Nothing"), ("slug", "nothing"), ("kit", "no-such-kit"),
            ])
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("There is no kit"))
            #expect(html.contains("value=\"Nothing\""))
            #expect(try await h.store.project(slug: "nothing") == nil)
            #expect(try await h.store.organisation(slug: "new-org") == nil)

            let empty = try await h.post("/projects", session: admin, fields: [
                ("organisation", "new-org"), ("name", "Empty"), ("slug", "empty"), ("kit", ""),
            ])
            #expect(empty.status == .seeOther)
            let project = try #require(try await h.store.project(slug: "empty"))
            #expect(try await h.store.framework(projectID: project.id) == nil)
            #expect(try await h.store.role(userID: h.fixture.administrator.id, projectID: project.id) == .owner)
        }
    }

    @Test("the explorer pages list the kit's indicators in captioned tables", arguments: TestEngine.allCases)
    func explorerPages(engine: TestEngine) async throws {
        let kit = try KitLibrary.load(Self.kitName)
        let codes = kit.framework.indicators.map(\.code)
        try await Harness.run(engine) { h in
            let admin = try await Self.createFromKit(h)
            for path in ["/projects/barometer/framework", "/projects/barometer/framework/rights", "/projects/barometer/framework/sdg"] {
                let response = try await h.request(.get, path, session: admin)
                #expect(response.status == .ok, "\(path)")
                let html = String(buffer: response.body)
                for code in codes {
                    #expect(html.contains("/projects/barometer/framework/indicators/\(code)\""), "\(path) links to \(code)")
                }
                #expect(Self.count("<h1", in: html) == 1, "\(path) has one h1")
                #expect(Self.count("<table", in: html) > 0)
                #expect(Self.count("<table", in: html) == Self.count("<caption", in: html), "\(path): every table has a caption")
                #expect(Self.count("<thead><tr><th scope=\"col\">", in: html) == Self.count("<table", in: html))
                #expect(html.contains("aria-current=\"page\""))
            }
            let overview = String(buffer: try await h.request(.get, "/projects/barometer/framework", session: admin).body)
            for theme in kit.framework.themes {
                #expect(overview.contains("<h2 id=\"theme-\(theme.code)\">"))
            }
            #expect(overview.contains(Self.escaped(kit.framework.title.text(in: "en"))))
            #expect(overview.contains("href=\"/projects/barometer/framework.csv\""))
            #expect(overview.contains("href=\"/projects/barometer/framework.yaml\""))

            let rights = String(buffer: try await h.request(.get, "/projects/barometer/framework/rights", session: admin).body)
            #expect(rights.contains("Convention on the Rights of Persons with Disabilities"))
            let sdg = String(buffer: try await h.request(.get, "/projects/barometer/framework/sdg", session: admin).body)
            #expect(sdg.contains("Goal 8"))

            // Another language of the framework, and the same pages on the public side.
            let french = String(buffer: try await h.request(.get, "/projects/barometer/framework?lang=fr", session: admin).body)
            #expect(french.contains("lang=\"fr\">\(Self.escaped(kit.framework.title.text(in: "fr")))</h1>"))
            #expect(french.contains("/projects/barometer/framework/indicators/\(codes[0])?lang=fr\""))
            let publicPage = try await h.request(.get, "/p/barometer/framework")
            #expect(publicPage.status == .ok)
            #expect(String(buffer: publicPage.body).contains("/p/barometer/framework/indicators/\(codes[0])\""))
        }
    }

    @Test("an indicator's page shows its expressions and the labels of the questions it reads", arguments: TestEngine.allCases)
    func indicatorPage(engine: TestEngine) async throws {
        let kit = try KitLibrary.load(Self.kitName)
        let indicator = try #require(kit.framework.indicators.first { !$0.computation.measure.expressions.isEmpty })
        let questionnaire = try #require(kit.questionnaires.first { $0.entry.form == indicator.computation.form })
        let names = indicator.computation.measure.expressions.flatMap { (try? Forms.Expression.parse($0.source))?.references ?? [] }
        #expect(!names.isEmpty)
        let elements = questionnaire.form.walk().map(\.element)
        try await Harness.run(engine) { h in
            let admin = try await Self.createFromKit(h)
            let response = try await h.request(.get, "/projects/barometer/framework/indicators/\(indicator.code)", session: admin)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(Self.count("<h1", in: html) == 1)
            #expect(html.contains(Self.escaped(indicator.title.text(in: "en"))))
            #expect(html.contains("href=\"/projects/barometer/framework/indicators/\(indicator.code)?lang=fr\""), "a link to the page in French")
            for expression in indicator.computation.measure.expressions {
                #expect(html.contains("<code>\(Self.escaped(expression.source))</code>"))
            }
            #expect(html.contains(indicator.computation.measure.kind.capitalized))
            #expect(html.contains("<code>\(indicator.computation.form)</code>"))
            for name in names {
                let element = try #require(elements.first { $0.name == name })
                let label = try #require(element.label.text(in: questionnaire.form.displayLanguage))
                #expect(html.contains("<code>\(name)</code>"))
                #expect(html.contains(Self.escaped(label)), "label of \(name)")
            }
            #expect(Self.count("<table", in: html) == Self.count("<caption", in: html))

            let unknown = try await h.request(.get, "/projects/barometer/framework/indicators/NO-SUCH-CODE", session: admin)
            #expect(unknown.status == .notFound)
            #expect(String(buffer: unknown.body).contains("NO-SUCH-CODE"))
            #expect(try await h.request(.get, "/p/barometer/framework/indicators/NO-SUCH-CODE").status == .notFound)
        }
    }

    @Test("the framework downloads as CSV, one row per indicator, and as its YAML file", arguments: TestEngine.allCases)
    func downloads(engine: TestEngine) async throws {
        let kit = try KitLibrary.load(Self.kitName)
        try await Harness.run(engine) { h in
            let admin = try await Self.createFromKit(h)
            let csv = try await h.request(.get, "/projects/barometer/framework.csv", session: admin)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"\(kit.framework.id).csv\"")
            let document = CSVDocument(parsing: String(buffer: csv.body))
            #expect(document.unterminatedQuote == nil)
            let records = document.records.filter { $0.fields != [""] }
            let header = try #require(records.first)
            #expect(header.fields.first == "theme_code")
            #expect(header.fields.contains("expressions"))
            #expect(records.count == kit.framework.indicators.count + 1)
            for record in records {
                #expect(record.fields.count == header.fields.count, "line \(record.line)")
            }
            let codeColumn = try #require(header.fields.firstIndex(of: "code"))
            #expect(records.dropFirst().map { $0.fields[codeColumn] } == kit.framework.indicators.map(\.code))

            let yaml = try await h.request(.get, "/projects/barometer/framework.yaml", session: admin)
            #expect(yaml.status == .ok)
            #expect(yaml.headers[.contentType]?.hasPrefix("text/yaml") == true)
            #expect(String(buffer: yaml.body) == kit.frameworkSource)
            #expect(try await h.request(.get, "/p/barometer/framework.yaml").status == .ok)
        }
    }

    @Test("the explorer refuses whoever the workspace and the public page refuse", arguments: TestEngine.allCases)
    func access(engine: TestEngine) async throws {
        try await Harness.run(engine) { h in
            _ = try await Self.createFromKit(h, slug: "open", isPublic: true)
            _ = try await Self.createFromKit(h, slug: "closed", isPublic: false)
            let outsider = try await h.signIn(h.fixture.outsider)
            for slug in ["open", "closed"] {
                for session in [outsider, nil] {
                    let workspace = try await h.request(.get, "/projects/\(slug)", session: session).status
                    #expect(workspace != .ok)
                    for page in ["framework", "framework/rights", "framework/sdg", "framework.csv", "framework.yaml",
                                 "framework/indicators/DB-EQ-1"] {
                        let status = try await h.request(.get, "/projects/\(slug)/\(page)", session: session).status
                        #expect(status == workspace, "/projects/\(slug)/\(page), signed in: \(session != nil)")
                    }
                    let results = try await h.request(.get, "/p/\(slug)", session: session).status
                    let publicExplorer = try await h.request(.get, "/p/\(slug)/framework", session: session).status
                    #expect(publicExplorer == results, "/p/\(slug)/framework, signed in: \(session != nil)")
                }
            }
            let viewer = try await h.signIn(h.fixture.member(.viewer))
            #expect(try await h.request(.get, "/projects/open/framework", session: viewer).status == .forbidden)
        }
    }

    @Test("a project without a framework says how to get one")
    func missingFramework() async throws {
        try await Harness.run(.sqlite) { h in
            let viewer = try await h.signIn(h.fixture.member(.viewer))
            let explorer = try await h.request(.get, "/projects/fixture/framework", session: viewer)
            #expect(explorer.status == .notFound)
            let html = String(buffer: explorer.body)
            #expect(html.contains("no framework yet"))
            #expect(html.contains("kit"))
            #expect(try await h.request(.get, "/p/fixture/framework").status == .notFound)
            #expect(try await h.request(.get, "/projects/fixture/framework.csv", session: viewer).status == .notFound)
            let workspace = String(buffer: try await h.request(.get, "/projects/fixture", session: viewer).body)
            #expect(workspace.contains("This project has no framework"))
        }
    }
}
