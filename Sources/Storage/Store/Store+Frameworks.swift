import Foundation
import Frameworks
import SQLKit

/// A project's framework and the reference values its gaps are measured against.
extension Store {
    /// Sets the project's framework, replacing any earlier one. The caller has checked it
    /// (``FrameworkFile/read(_:fileName:forms:)``) against the project's questionnaires.
    public func saveFramework(_ framework: Framework, fileName: String, source: String, kit: String? = nil,
                              projectID: String, actorID: String?) async throws {
        let definition = try Self.encode(framework)
        try await transaction { db in
            try await Self.saveFramework(db, framework: framework, definition: definition, fileName: fileName, source: source,
                                         kit: kit, projectID: projectID, actorID: actorID)
        }
    }

    static func saveFramework(_ db: any SQLDatabase, framework: Framework, definition: String, fileName: String, source: String,
                              kit: String?, projectID: String, actorID: String?) async throws {
        let now = Timestamp.now()
        try await db.raw("DELETE FROM frameworks WHERE project_id = \(bind: projectID)").run()
        try await db.raw("""
            INSERT INTO frameworks (project_id, framework_id, file_name, source, definition, kit, updated_by, updated_at)
            VALUES (\(bind: projectID), \(bind: framework.id), \(bind: fileName), \(bind: source), \(bind: definition),
                    \(bind: kit), \(bind: actorID), \(bind: now))
            """).run()
        try await audit(db, actorID: actorID, projectID: projectID, action: "framework.saved", subject: "\(framework.id) \(framework.version)")
    }

    /// When the project's framework was last saved, nil when it has none: a cheap question that
    /// tells a process whether its decoded copy is still the current one.
    public func frameworkUpdatedAt(projectID: String) async throws -> String? {
        try await read { db in
            try await db.raw("SELECT updated_at FROM frameworks WHERE project_id = \(bind: projectID)").first()?
                .decode(column: "updated_at", as: String.self)
        }
    }

    /// The project's framework, if it has one.
    public func framework(projectID: String) async throws -> StoredFramework? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT file_name, source, definition, kit, updated_at FROM frameworks WHERE project_id = \(bind: projectID)
                """).first() else { return nil }
            return StoredFramework(
                framework: try Self.decode(Framework.self, from: try row.decode(column: "definition", as: String.self)),
                fileName: try row.decode(column: "file_name", as: String.self),
                source: try row.decode(column: "source", as: String.self),
                kit: try row.decode(column: "kit", as: String?.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
    }

    /// Adds reference values, replacing those with the same indicator, period and groups: an
    /// import of a corrected file updates rather than duplicates. All or nothing.
    public func saveReferenceValues(_ values: [ReferenceValue], projectID: String, actorID: String?) async throws {
        try await transaction { db in
            let now = Timestamp.now()
            for value in values {
                let levels = try Self.encode(value.levels.sorted { $0.key < $1.key }.map { [$0.key, $0.value] })
                try await db.raw("""
                    DELETE FROM reference_values WHERE project_id = \(bind: projectID) AND indicator = \(bind: value.indicator)
                    AND period = \(bind: value.period) AND levels = \(bind: levels)
                    """).run()
                try await db.raw("""
                    INSERT INTO reference_values (id, project_id, indicator, period, levels, value, standard_error, source, created_at)
                    VALUES (\(bind: Self.newID()), \(bind: projectID), \(bind: value.indicator), \(bind: value.period), \(bind: levels),
                            \(bind: value.value), \(bind: value.standardError), \(bind: value.source), \(bind: now))
                    """).run()
            }
            try await Self.audit(db, actorID: actorID, projectID: projectID, action: "reference.imported", subject: "\(values.count) values")
        }
    }

    /// The project's reference values, by indicator then period.
    public func referenceValues(projectID: String) async throws -> [ReferenceValue] {
        try await read { db in
            try await db.raw("""
                SELECT indicator, period, levels, value, standard_error, source FROM reference_values
                WHERE project_id = \(bind: projectID) ORDER BY indicator, period, levels
                """).all().map { row in
                let pairs = try Self.decode([[String]].self, from: try row.decode(column: "levels", as: String.self))
                return ReferenceValue(
                    indicator: try row.decode(column: "indicator", as: String.self),
                    period: try row.decode(column: "period", as: String.self),
                    levels: Dictionary(pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { first, _ in first }),
                    value: try row.decode(column: "value", as: Double.self),
                    standardError: try row.decode(column: "standard_error", as: Double?.self),
                    source: try row.decode(column: "source", as: String.self))
            }
        }
    }

    /// Every submission of a form as the answers by question name, oldest first: what framework
    /// computations read. Answers outside repeats come from the typed values of OpenRosa
    /// submissions and from the answers of web and API submissions. A submission replaced by an
    /// edit is left out: the edit stands for it.
    ///
    /// - Parameter round: only the submissions received in this round's window.
    public func answerRows(projectID: String, formID: String, round: Round? = nil) async throws -> [[String: String]] {
        try await read { db in
            guard let form = try await db.raw("SELECT id FROM forms WHERE project_id = \(bind: projectID) AND form_id = \(bind: formID)").first() else {
                return []
            }
            let formPK = try form.decode(column: "id", as: String.self)
            var rows: [[String: String]] = []
            var index: [String: Int] = [:]
            let from = round.map { Timestamp.string($0.receivedFrom) } ?? ""
            let until = round.map { Timestamp.string($0.receivedUntil) } ?? "9999"
            // Edits point to what they replace; one query by form finds them all.
            let replaced = Set(try await db.raw("""
                SELECT replaces_id FROM submissions WHERE form_pk = \(bind: formPK) AND replaces_id IS NOT NULL
                """).all().map { try $0.decode(column: "replaces_id", as: String.self) })
            for row in try await db.raw("""
                SELECT id FROM submissions WHERE form_pk = \(bind: formPK) AND received_at >= \(bind: from) AND received_at < \(bind: until)
                ORDER BY received_at, id
                """).all() {
                let id = try row.decode(column: "id", as: String.self)
                guard !replaced.contains(id) else { continue }
                index[id] = rows.count
                rows.append([:])
            }
            for row in try await db.raw("""
                SELECT v.submission_id AS submission_id, v.field_path AS field_path, v.text_value AS text_value
                FROM instance_values v JOIN submissions s ON s.id = v.submission_id
                WHERE s.form_pk = \(bind: formPK) AND v.parent_position IS NULL AND v.xform_type <> 'repeat'
                """).all() {
                guard let at = index[try row.decode(column: "submission_id", as: String.self)] else { continue }
                let path = try row.decode(column: "field_path", as: String.self)
                // The meta block (instanceID, deprecatedID) describes the submission, not the respondent.
                guard !path.contains("/meta/"), let name = path.split(separator: "/").last.map(String.init) else { continue }
                rows[at][name] = try row.decode(column: "text_value", as: String.self)
            }
            for row in try await db.raw("""
                SELECT a.submission_id AS submission_id, a.field AS field, a.text_value AS text_value, a.integer_value AS integer_value
                FROM answers a JOIN submissions s ON s.id = a.submission_id WHERE s.form_pk = \(bind: formPK)
                """).all() {
                guard let at = index[try row.decode(column: "submission_id", as: String.self)] else { continue }
                let field = try row.decode(column: "field", as: String.self)
                guard rows[at][field] == nil else { continue }
                if let number = try row.decode(column: "integer_value", as: Int?.self) {
                    rows[at][field] = String(number)
                } else if let text = try row.decode(column: "text_value", as: String?.self) {
                    rows[at][field] = text
                }
            }
            return rows
        }
    }
}
