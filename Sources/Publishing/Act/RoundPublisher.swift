import Accounts
import Foundation
import Frameworks
import Storage
import Survey

/// The act of publishing: reads a round's submissions from the store, computes the framework,
/// applies disclosure control and stores the result with the publication. Everything public
/// reads what this stored, never the submissions themselves.
public struct RoundPublisher: Sendable {
    public var store: Store
    public var rules: DisclosureRules

    public init(store: Store, rules: DisclosureRules = DisclosureRules()) {
        self.store = store
        self.rules = rules
    }

    /// The round's results as publishing would store them, without publishing (a preview).
    public func results(project: Project, round: Round) async throws -> PublishedRound {
        guard let stored = try await store.framework(projectID: project.id) else { throw PublishingError.noFramework(project: project.slug) }
        let framework = stored.framework
        var rows: [String: [[String: String]]] = [:]
        for questionnaire in framework.questionnaires {
            rows[questionnaire.form] = try await store.answerRows(projectID: project.id, formID: questionnaire.form, round: round)
        }
        let results = await FrameworkComputation.compute(framework, submissions: rows, now: round.receivedUntil)
        return PublishedRound(framework: framework, results: results, rules: rules, projectSlug: project.slug, projectName: project.name,
                              round: round.number, roundLabel: round.label, period: round.period,
                              submissions: rows.mapValues(\.count))
    }

    /// Publishes the round (again, if it was published) and returns what was stored.
    @discardableResult
    public func publish(project: Project, round: Round, embargoUntil: Date? = nil, actorID: String?) async throws -> PublishedRound {
        let published = try await results(project: project, round: round)
        try await store.publish(round, results: try published.encoded(), embargoUntil: embargoUntil, actorID: actorID)
        return published
    }

    /// What was stored when the round was published; nil if it is not published.
    public func published(project: Project, round: Round) async throws -> PublishedRound? {
        guard let data = try await store.publishedResults(roundID: round.id) else { return nil }
        do {
            return try PublishedRound.decode(data)
        } catch {
            throw PublishingError.unreadableResults(project: project.slug, round: round.number, reason: "\(error)")
        }
    }
}
