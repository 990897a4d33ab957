import Accounts
import Synchronization

/// App users whose token was looked up in the last few seconds, by project address and token
/// digest. ODK Collect sends one request per submission, and a phone that syncs sends dozens in
/// a row; asking the database each time was a third of a submission's cost. A revoked token
/// stops working at once in the process that revoked it, and within `lifetime` (seconds) in
/// every other server process.
final class RecentAppUsers: Sendable {
    private struct Entry {
        let project: Project
        let appUser: AppUser
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: Duration
    let capacity: Int

    init(lifetime: Duration = .seconds(5), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func lookup(slug: String, digest: String) -> (project: Project, appUser: AppUser)? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[slug + "\u{0}" + digest] else { return nil }
            guard entry.expires > now else {
                entries[slug + "\u{0}" + digest] = nil
                return nil
            }
            return (entry.project, entry.appUser)
        }
    }

    func remember(slug: String, digest: String, project: Project, appUser: AppUser) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            if entries.count >= capacity { entries = entries.filter { $0.value.expires > now } }
            if entries.count >= capacity { entries.removeAll() }
            entries[slug + "\u{0}" + digest] = Entry(project: project, appUser: appUser, expires: now + lifetime)
        }
    }

    /// Forgets an app user at once (it was revoked).
    func forget(appUserID: String) {
        entries.withLock { entries in entries = entries.filter { $0.value.appUser.id != appUserID } }
    }
}
