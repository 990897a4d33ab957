import Accounts
import Frameworks
import Storage

/// A project's indicators as they may be published: each computed on all stored submissions to
/// its form, then put under disclosure control. The web pages, the JSON API and
/// `counted analyze` all read this, so no output shows a raw result.
public enum ProjectResults {
    public static func published(for project: Project, in store: Store) async throws -> [IndicatorResult] {
        var results: [IndicatorResult] = []
        for indicator in try await store.indicators(projectID: project.id) {
            guard let form = try await store.form(projectID: project.id, formID: indicator.formID) else { continue }
            let answers = try await store.answers(formPK: form.id)
            results.append(indicator.compute(submissions: answers, questionnaire: form.questionnaire).protected())
        }
        return results
    }
}
