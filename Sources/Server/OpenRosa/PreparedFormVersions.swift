import Forms
import Foundation
import Storage
import Synchronization

/// A form version as this process reads submissions against it: the stored record with its
/// model, the rules whose expressions were parsed once, and a flattener that has arranged the
/// form's elements once.
struct PreparedFormVersion: Sendable {
    let record: FormVersionRecord
    let definition: FormDefinition
    let rules: ExpressionInstanceRules
    private let flattener: InstanceFlattener

    init(record: FormVersionRecord, definition: FormDefinition) {
        self.record = record
        self.definition = definition
        rules = ExpressionInstanceRules(form: definition, now: Date())
        flattener = InstanceFlattener(form: definition)
    }

    /// Reads `instance` against this version, with `today()` and `now()` at `now`.
    func flatten(_ instance: SubmittedInstance, now: Date) -> FlattenedInstance {
        var flattener = flattener
        flattener.rules = rules.at(now)
        return flattener.flatten(instance)
    }
}

/// The form versions submissions recently named, kept by project, form ID and version string.
/// Reading a version's model and parsing its expressions costs more than storing a submission,
/// and collectors send many submissions of the same version. Only versions that have their
/// model are kept: from then on a version never changes (see `FormVersionRecord`), so every
/// server process may keep its own copy without asking the others.
final class PreparedFormVersions: Sendable {
    private struct Key: Hashable {
        let projectID: String
        let formID: String
        let version: String
    }

    private let entries = Mutex<[Key: PreparedFormVersion]>([:])
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func version(projectID: String, formID: String, version: String) -> PreparedFormVersion? {
        entries.withLock { $0[Key(projectID: projectID, formID: formID, version: version)] }
    }

    /// Keeps `prepared`; when full, forgets everything first (forms in active use come back at once).
    func remember(_ prepared: PreparedFormVersion) {
        let record = prepared.record
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[Key(projectID: record.projectID, formID: record.formID, version: record.version)] = prepared
        }
    }
}
