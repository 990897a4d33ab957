import Foundation
import Hummingbird
import ServiceLifecycle
import Storage

/// Keeps hummingbird-auth's session data in Counted's own database, so that any of several
/// server processes behind a proxy can serve any signed-in request.
struct StorePersistDriver: PersistDriver {
    let store: Store

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        do {
            try await store.createValue(try JSONEncoder().encode(value), key: key, expiresAt: expiry(expires))
        } catch StorageError.duplicate {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.setValue(try JSONEncoder().encode(value), key: key, expiresAt: expiry(expires))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try await store.value(key: key) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: stored.value) else { return nil }
        let ttl = stored.expiresAt.map { Duration.seconds(max(0, Int($0.timeIntervalSinceNow))) }
        return (object, ttl)
    }

    func remove(key: String) async throws {
        try await store.removeValue(key: key)
    }

    func shutdown() async throws {}

    /// Sweeps expired sessions once an hour while the server runs; stops at graceful shutdown.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = try? await store.removeExpiredValues()
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }

    private func expiry(_ duration: Duration?) -> Date? {
        duration.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}
