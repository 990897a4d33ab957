import Accounts
import Foundation
import Synchronization

/// Remembers, for a few minutes, which e-mail and password pairs were verified. ODK Collect sends
/// Basic credentials with every request and bcrypt takes tens of milliseconds on purpose; this
/// keeps a form sync from costing a bcrypt per request. Keys are SHA-256 digests of the pair,
/// so no password is held in memory longer than the request; only successes are kept.
final class VerifiedCredentials: Sendable {
    private let entries = Mutex<[String: (userID: String, expires: ContinuousClock.Instant)]>([:])
    let lifetime: Duration
    let capacity: Int

    init(lifetime: Duration = .seconds(300), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    static func key(email: String, password: String) -> String {
        SecretToken.digest(of: email + "\u{0}" + password)
    }

    /// The user ID verified for this pair, if still fresh.
    func userID(for key: String) -> String? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.userID
        }
    }

    func remember(_ key: String, userID: String) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            if entries.count >= capacity { entries = entries.filter { $0.value.expires > now } }
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = (userID, now + lifetime)
        }
    }
}
