import Hummingbird
import Storage
import Synchronization

/// Public barometer answers as last rendered for anonymous readers, by address, each with the
/// fingerprint of what it was made from (the project, its public rounds and their publications,
/// the framework's version). An answer is served again only while the fingerprint is the same,
/// so publishing, unpublishing, an embargo ending or a new framework shows at once, in every
/// server process; readers who are signed in always get a fresh page (it names them).
final class PublicPageCache: Sendable {
    /// A successful answer: its headers (with an ETag, when it has one) and its body.
    struct Entry: Sendable {
        var fingerprint = ""
        var headers: HTTPFields
        var body: ByteBuffer

        /// The answer, or "304 Not Modified" when the request names its ETag.
        func response(for request: Request) -> Response {
            if let tag = headers[.eTag],
               request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) == true {
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        }
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func entry(for address: String, fingerprint: String) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[address], entry.fingerprint == fingerprint else { return nil }
            return entry
        }
    }

    /// Keeps `entry`; when full, forgets everything first (pages in demand come back at once).
    func remember(_ entry: Entry, for address: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[address] = entry
        }
    }
}

/// Decoded frameworks by project, each with the moment it was saved: one short query tells
/// whether the copy is current, instead of reading and decoding the framework on every request.
final class FrameworkCache: Sendable {
    private let entries = Mutex<[String: StoredFrameworkEntry]>([:])

    struct StoredFrameworkEntry: Sendable {
        let updatedAt: String
        let value: StoredFramework
    }

    func framework(projectID: String, updatedAt: String) -> StoredFramework? {
        entries.withLock { $0[projectID].flatMap { $0.updatedAt == updatedAt ? $0.value : nil } }
    }

    func remember(_ stored: StoredFramework, projectID: String) {
        entries.withLock { entries in
            if entries.count >= 256 { entries.removeAll() }
            entries[projectID] = StoredFrameworkEntry(updatedAt: stored.updatedAt, value: stored)
        }
    }
}

/// Public barometers as read for anonymous readers in the last moment (see
/// ``ServerConfiguration/publicFreshness``), by project address, so that a burst of readers costs
/// no database question at all.
final class RecentBarometers: Sendable {
    private struct Entry: Sendable {
        let until: ContinuousClock.Instant
        let barometer: PublicBarometer
    }

    private let entries = Mutex<[String: Entry]>([:])

    func barometer(slug: String) -> PublicBarometer? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[slug], entry.until > now else { return nil }
            return entry.barometer
        }
    }

    func remember(_ barometer: PublicBarometer, slug: String, for freshness: Duration) {
        guard freshness > .zero else { return }
        let until = ContinuousClock.now + freshness
        entries.withLock { entries in
            if entries.count >= 256 { entries.removeAll() }
            entries[slug] = Entry(until: until, barometer: barometer)
        }
    }
}
