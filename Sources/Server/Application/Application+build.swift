import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import Storage

/// Builds the web application on an open store. Tests call this in-process; `counted serve`
/// runs what it returns until SIGINT or SIGTERM, letting requests in flight finish.
public func buildApplication(
    store: Store, configuration: ServerConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let (router, sessions) = try await buildRouter(store: store, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Counted"),
        services: [sessions],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The application's routes and middleware, with the session store they use; tests read the
/// routes to check that every API route is documented.
func buildRouter(store: Store, configuration: ServerConfiguration) async throws -> (Router<CountedRequestContext>, StorePersistDriver) {
    let site = Site(store: store, views: try await Views.load(), configuration: configuration, stylesheet: try StaticFile.text("counted.css"),
                    openAPIDocument: try StaticFile.text("openapi.json"))
    let sessions = StorePersistDriver(store: store)

    let router = Router(context: CountedRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SessionMiddleware(
        storage: sessions,
        configuration: SessionMiddlewareConfiguration(
            sessionCookieParameters: SessionCookieParameters(name: "counted_session", secure: configuration.secureCookies, sameSite: .lax),
            keyPrefix: "session.",
            defaultSessionExpiration: .seconds(configuration.sessionHours * 3600))))
    router.add(middleware: IdentityMiddleware(store: store))
    router.add(middleware: ErrorPageMiddleware(site: site))
    site.addPublicRoutes(to: router)
    site.addAccountRoutes(to: router)
    site.addProjectRoutes(to: router)
    site.addFrameworkRoutes(to: router)
    site.addBarometerRoutes(to: router)
    site.addPublicAPIRoutes(to: router)
    site.addCollectionRoutes(to: router)
    site.addAPIRoutes(to: router)
    site.addSubmissionRecordRoutes(to: router)
    site.addAppUserRoutes(to: router)
    site.addFormMediaRoutes(to: router)
    site.addOpenRosaRoutes(to: router)

    return (router, sessions)
}

/// The site's static files (its one stylesheet, the OpenAPI document), read from the module's resources.
enum StaticFile {
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Public/" + name) else {
            throw PageError(.internalServerError, "The file \(name) is missing from this build.")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
