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
    let site = Site(store: store, views: try await Views.load(), configuration: configuration, stylesheet: try Stylesheet.load())
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
    site.addCollectionRoutes(to: router)
    site.addAPIRoutes(to: router)
    site.addSubmissionRecordRoutes(to: router)
    site.addAppUserRoutes(to: router)
    site.addFormMediaRoutes(to: router)
    site.addOpenRosaRoutes(to: router)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Counted"),
        services: [sessions],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The site's one stylesheet, read from the module's resources.
enum Stylesheet {
    static func load() throws -> String {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Public/counted.css") else {
            throw PageError(.internalServerError, "The stylesheet is missing from this build.")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
