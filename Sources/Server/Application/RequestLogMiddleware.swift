import Foundation
import Forms
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id (or keeps a sane one from the proxy), puts it on every log line
/// the request writes and on the response, and logs one line per request with its outcome.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = CountedRequestContext
    static let header = HTTPField.Name.requestID

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let incoming = request.headers[Self.header].flatMap { id in
            id.count <= 64 && id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) ? id : nil
        }
        // Hummingbird's own request ID (a per-process random prefix and a counter) is unique and
        // costs far less than a random UUID on every request.
        let id = incoming ?? context.id
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[Self.header] = id
            log(request, status: response.status.code, started: started, context: context)
            return response
        } catch let error as any HTTPResponseError {
            log(request, status: error.status.code, started: started, context: context)
            throw error
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            log(request, status: 500, started: started, context: context)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, started: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "ms": "\(String(format: "%.1f", ms))",
        ])
    }
}
