import Accounts
import Forms
import Foundation
import SQLKit

/// Questionnaires and their versions.
extension Store {
    /// Adds a version of a questionnaire to a project, creating the form on its first upload.
    /// Uploading the very same version again changes nothing; a different questionnaire under a
    /// version number already used is refused, so stored submissions keep their meaning.
    ///
    /// `xform` adds what ODK Collect needs (the XForm, the full form model, media). Given for a
    /// version stored without one, it completes that version; a different XForm for a version
    /// that has one is refused like a different questionnaire.
    public func addFormVersion(
        projectID: String, questionnaire: Questionnaire, sourceName: String, source: String, createdBy: String?,
        xform: XFormVersion? = nil
    ) async throws -> StoredForm {
        let definition = try Self.encode(questionnaire)
        let formDefinition = try xform.map { try Self.encode($0.definition) }
        let xformMD5 = xform.map { ContentDigest.md5(Data($0.xform.utf8)) }
        return try await transaction { db in
            let formPK: String
            if let row = try await db.raw("SELECT id FROM forms WHERE project_id = \(bind: projectID) AND form_id = \(bind: questionnaire.formID)").first() {
                formPK = try row.decode(column: "id", as: String.self)
            } else {
                formPK = Self.newID()
                try await db.raw("""
                    INSERT INTO forms (id, project_id, form_id, created_at)
                    VALUES (\(bind: formPK), \(bind: projectID), \(bind: questionnaire.formID), \(bind: Timestamp.now()))
                    """).run()
            }
            if let existing = try await db.raw("""
                SELECT id, definition, xform_md5 FROM form_versions WHERE form_pk = \(bind: formPK) AND version = \(bind: questionnaire.version)
                """).first() {
                let stored = try Self.decode(Questionnaire.self, from: try existing.decode(column: "definition", as: String.self))
                let storedMD5 = try existing.decode(column: "xform_md5", as: String?.self)
                guard stored == questionnaire, storedMD5 == nil || xformMD5 == nil || storedMD5 == xformMD5 else {
                    throw StorageError.duplicate("Version '\(questionnaire.version)' of form '\(questionnaire.formID)' with different content "
                        + "(give the new questionnaire a new version in its settings sheet)")
                }
                let versionID = try existing.decode(column: "id", as: String.self)
                if storedMD5 == nil, let xform, let xformMD5 {
                    try await db.raw("""
                        UPDATE form_versions SET xform = \(bind: xform.xform), xform_md5 = \(bind: xformMD5), form_definition = \(bind: formDefinition)
                        WHERE id = \(bind: versionID)
                        """).run()
                    for file in xform.media { try await Self.insertMedia(db, versionID: versionID, file: file) }
                    try await Self.audit(db, actorID: createdBy, projectID: projectID, action: "form.version.xform.added",
                                         subject: "\(questionnaire.formID) version \(questionnaire.version)")
                }
                return StoredForm(id: formPK, projectID: projectID, versionID: versionID, questionnaire: stored, sourceName: sourceName)
            }
            let versionID = Self.newID()
            let position = try await db.raw("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM form_versions WHERE form_pk = \(bind: formPK)")
                .first()?.decode(column: "next", as: Int.self) ?? 1
            try await db.raw("""
                INSERT INTO form_versions (id, form_pk, position, version, title, definition, source_name, source, created_by, created_at,
                                           xform, xform_md5, form_definition)
                VALUES (\(bind: versionID), \(bind: formPK), \(bind: position), \(bind: questionnaire.version), \(bind: questionnaire.title),
                        \(bind: definition), \(bind: sourceName), \(bind: source), \(bind: createdBy), \(bind: Timestamp.now()),
                        \(bind: xform?.xform), \(bind: xformMD5), \(bind: formDefinition))
                """).run()
            for file in xform?.media ?? [] { try await Self.insertMedia(db, versionID: versionID, file: file) }
            try await Self.audit(db, actorID: createdBy, projectID: projectID, action: "form.version.added",
                                 subject: "\(questionnaire.formID) version \(questionnaire.version)")
            return StoredForm(id: formPK, projectID: projectID, versionID: versionID, questionnaire: questionnaire, sourceName: sourceName)
        }
    }

    /// The current (latest) version of each of a project's forms.
    public func forms(projectID: String) async throws -> [StoredForm] {
        try await read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.formColumns) FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID)
                  AND v.position = (SELECT MAX(position) FROM form_versions WHERE form_pk = f.id)
                ORDER BY f.form_id, v.id
                """).all().map(Self.storedForm)
        }
    }

    /// The current version of one form.
    public func form(projectID: String, formID: String) async throws -> StoredForm? {
        try await read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.formColumns) FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID) AND f.form_id = \(bind: formID)
                ORDER BY v.position DESC
                """).first().map(Self.storedForm)
        }
    }

    /// The source file of the current version, as uploaded.
    public func formSource(versionID: String) async throws -> String? {
        try await read { db in
            try await db.raw("SELECT source FROM form_versions WHERE id = \(bind: versionID)").first()?.decode(column: "source", as: String.self)
        }
    }

    static let formColumns = "f.id AS form_pk, f.project_id AS project_id, v.id AS version_id, v.definition AS definition, v.source_name AS source_name"

    static func storedForm(_ row: any SQLRow) throws -> StoredForm {
        StoredForm(id: try row.decode(column: "form_pk", as: String.self),
                   projectID: try row.decode(column: "project_id", as: String.self),
                   versionID: try row.decode(column: "version_id", as: String.self),
                   questionnaire: try decode(Questionnaire.self, from: try row.decode(column: "definition", as: String.self)),
                   sourceName: try row.decode(column: "source_name", as: String.self))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError.corrupt("a stored \(type) (\(error))")
        }
    }
}
