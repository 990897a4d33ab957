import Accounts
import Hummingbird
import Foundation
import Frameworks
import Publishing
import Storage

/// What the public may see of a project's results: its framework and its public rounds (published,
/// embargo over), each as it was published. Every public page, download, report and API answer is
/// made from this, never from submissions.
struct PublicBarometer: Sendable {
    struct PublicRound: Sendable {
        let round: Round
        let results: PublishedRound
    }

    let project: Project
    let stored: StoredFramework
    /// Oldest first.
    let rounds: [PublicRound]

    var framework: Framework { stored.framework }

    func round(number: Int) -> PublicRound? { rounds.first { $0.round.number == number } }

    var latest: PublicRound? { rounds.last }

    /// The rounds up to and including `number`: what a trend shown with that round may use.
    func rounds(through number: Int) -> [PublishedRound] {
        rounds.filter { $0.round.number <= number }.map(\.results)
    }

    /// What every public answer of the project is made from: when any of it changes, so does this.
    var fingerprint: String {
        let publications = rounds.map { "\($0.round.id)@\($0.round.publication?.publishedAt.timeIntervalSince1970 ?? 0)" }
        return ([project.id, project.slug, project.name, project.description, String(project.isPublic), stored.updatedAt] + publications)
            .joined(separator: "|")
    }
}

extension Site {
    /// The project's public barometer, nil when it has no framework or no public round.
    func publicBarometer(_ project: Project, at date: Date = Date()) async throws -> PublicBarometer? {
        let rounds = try await store.rounds(projectID: project.id).filter { $0.isPublic(at: date) }
        guard !rounds.isEmpty, let updatedAt = try await store.frameworkUpdatedAt(projectID: project.id) else { return nil }
        let stored: StoredFramework
        if let cached = frameworks.framework(projectID: project.id, updatedAt: updatedAt) {
            stored = cached
        } else {
            guard let read = try await store.framework(projectID: project.id) else { return nil }
            frameworks.remember(read, projectID: project.id)
            stored = read
        }
        var loaded: [PublicBarometer.PublicRound] = []
        let publisher = RoundPublisher(store: store)
        for round in rounds.sorted(by: { $0.number < $1.number }) {
            guard let publication = round.publication else { continue }
            if let cached = publishedRounds.round(id: round.id, publishedAt: publication.publishedAt) {
                loaded.append(.init(round: round, results: cached))
            } else if let results = try await publisher.published(project: project, round: round) {
                publishedRounds.remember(results, id: round.id, publishedAt: publication.publishedAt)
                loaded.append(.init(round: round, results: results))
            }
        }
        guard !loaded.isEmpty else { return nil }
        return PublicBarometer(project: project, stored: stored, rounds: loaded)
    }
}

extension Site {
    /// The answer for `request`: for an anonymous reader, the one made before from the same
    /// fingerprint, if any; otherwise `render`'s, kept for the next anonymous reader.
    func publicAnswer(_ request: Request, context: CountedRequestContext, fingerprint: String,
                      render: () async throws -> PublicPageCache.Entry) async throws -> Response {
        let address = request.uri.description
        if context.identity == nil, let entry = publicPages.entry(for: address, fingerprint: fingerprint) {
            return entry.response(for: request)
        }
        var entry = try await render()
        entry.fingerprint = fingerprint
        if context.identity == nil { publicPages.remember(entry, for: address) }
        return entry.response(for: request)
    }

    /// A barometer page as a cacheable answer.
    func publicPage(_ template: String, _ title: String, _ values: [String: Any], context: CountedRequestContext) -> PublicPageCache.Entry {
        let html = views.html(template, values, page: frame(title, context: context))
        return PublicPageCache.Entry(headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: ByteBuffer(string: html))
    }
}
