import Hummingbird

/// Turns errors on web pages into pages a person can read (with the navigation to go on);
/// API routes keep their JSON errors.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = CountedRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return site.errorPage(error.status, error.message, context: context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            let message = error.body ?? (error.status == .notFound ? "There is no page at this address." : error.status.reasonPhrase)
            return site.errorPage(error.status, message, context: context)
        }
    }
}
