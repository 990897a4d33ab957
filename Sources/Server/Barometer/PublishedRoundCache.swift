import Foundation
import Publishing
import Synchronization

/// Published rounds as this process last decoded them, by round ID and the moment of publication.
/// A publication never changes: publishing again gives a new moment, so a copy kept under the old
/// moment is simply not asked for again. Every server process may keep its own.
final class PublishedRoundCache: Sendable {
    private struct Key: Hashable {
        let roundID: String
        let publishedAt: Date
    }

    private let entries = Mutex<[Key: PublishedRound]>([:])
    let capacity: Int

    init(capacity: Int = 128) {
        self.capacity = capacity
    }

    func round(id: String, publishedAt: Date) -> PublishedRound? {
        entries.withLock { $0[Key(roundID: id, publishedAt: publishedAt)] }
    }

    /// Keeps `round`; when full, forgets everything first (rounds in use come back at once).
    func remember(_ round: PublishedRound, id: String, publishedAt: Date) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[Key(roundID: id, publishedAt: publishedAt)] = round
        }
    }
}
