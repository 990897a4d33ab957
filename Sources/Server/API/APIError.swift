import Foundation
import Hummingbird

/// An error answered to a script as JSON: `{"error": {"status", "message", "problems": [...]}}`,
/// each problem naming the field, or the sheet, row and column, it is about.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var problems: [APIProblem]

    init(_ status: HTTPResponse.Status, _ message: String, problems: [APIProblem] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Site.json(APIErrorBody(error: .init(status: status.code, message: message, problems: problems)), status: status)
    }
}

/// One thing wrong with a request, as precisely as Counted can say where.
struct APIProblem: Codable, Sendable, Equatable {
    var field: String?
    var file: String?
    var sheet: String?
    var row: Int?
    var column: String?
    var message: String
}

private struct APIErrorBody: Encodable {
    struct Inner: Encodable { var status: Int; var message: String; var problems: [APIProblem] }
    var error: Inner
}
