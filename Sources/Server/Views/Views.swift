import Foundation
import Hummingbird
import Mustache

/// The Mustache templates of the web pages, loaded once at start-up from the module's resources.
struct Views: Sendable {
    private let library: MustacheLibrary

    static func load() async throws -> Views {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw PageError(.internalServerError, "The page templates are missing from this build.")
        }
        return Views(library: try await MustacheLibrary(directory: directory))
    }

    /// Renders a page. `values` are the page's own; `page` adds the title, the signed-in user
    /// and the CSRF token that the layout needs.
    func render(_ template: String, _ values: [String: Any], page: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        let html = html(template, values, page: page)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension Views {
    /// A page as HTML text, for responses and for files (the report rendered to PDF).
    func html(_ template: String, _ values: [String: Any], page: PageFrame) -> String {
        var object = values
        object["page"] = page.values
        return library.render(object, withTemplate: template) ?? "Template \(template) is missing."
    }
}

extension MustacheLibrary: @retroactive @unchecked Sendable {}

/// What every page's layout shows: its title, who is signed in, the form token.
struct PageFrame {
    var title: String
    var userName: String?
    var isAdministrator = false
    var csrfToken: String
    var notice: String?

    var values: [String: Any] {
        var values: [String: Any] = ["title": title, "csrf": csrfToken, "isAdministrator": isAdministrator]
        if let userName { values["user"] = ["name": userName] }
        if let notice { values["notice"] = notice }
        return values
    }
}
