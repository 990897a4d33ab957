import Accounts
import Forms
import Foundation
import SQLKit

/// What ODK Collect downloads: the XForms of current form versions and their media files.
extension Store {
    /// The current version of each form of the project that has an XForm, by form ID. Forms
    /// uploaded before XForms were kept are left out: Collect could not fill them in.
    public func publishedForms(projectID: String) async throws -> [PublishedForm] {
        try await read { db in
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: Self.publishedColumns) FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID) AND v.xform IS NOT NULL
                  AND v.position = (SELECT MAX(position) FROM form_versions WHERE form_pk = f.id)
                ORDER BY f.form_id
                """).all()
            var forms: [PublishedForm] = []
            for row in rows { forms.append(try await Self.publishedForm(db, row)) }
            return forms
        }
    }

    /// The current version of one form, when it has an XForm.
    public func publishedForm(projectID: String, formID: String) async throws -> PublishedForm? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: Self.publishedColumns) FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID) AND f.form_id = \(bind: formID)
                ORDER BY v.position DESC
                """).first(), try row.decode(column: "xform", as: String?.self) != nil else { return nil }
            return try await Self.publishedForm(db, row)
        }
    }

    /// A version of a form by the version string submissions carry, with the model they are read against.
    public func formVersion(projectID: String, formID: String, version: String) async throws -> FormVersionRecord? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT f.id AS form_pk, v.id AS version_id, v.version AS version, v.form_definition AS form_definition,
                       v.definition AS definition
                FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID) AND f.form_id = \(bind: formID) AND v.version = \(bind: version)
                """).first() else { return nil }
            return FormVersionRecord(
                formPK: try row.decode(column: "form_pk", as: String.self), projectID: projectID, formID: formID,
                versionID: try row.decode(column: "version_id", as: String.self), version: try row.decode(column: "version", as: String.self),
                definition: try row.decode(column: "form_definition", as: String?.self).map { try Self.decode(FormDefinition.self, from: $0) },
                questionnaire: try Self.decode(Questionnaire.self, from: try row.decode(column: "definition", as: String.self)))
        }
    }

    /// The full model of the newest version of a form, when it was stored with one: what a new
    /// version is compared with.
    public func latestFormDefinition(projectID: String, formID: String) async throws -> FormDefinition? {
        try await read { db in
            guard let row = try await db.raw("""
                SELECT v.form_definition AS form_definition FROM forms f JOIN form_versions v ON v.form_pk = f.id
                WHERE f.project_id = \(bind: projectID) AND f.form_id = \(bind: formID)
                ORDER BY v.position DESC
                """).first(), let text = try row.decode(column: "form_definition", as: String?.self) else { return nil }
            return try Self.decode(FormDefinition.self, from: text)
        }
    }

    /// Whether the project has a form with this ID (in any version).
    public func hasForm(projectID: String, formID: String) async throws -> Bool {
        try await read { db in
            try await db.raw("SELECT id FROM forms WHERE project_id = \(bind: projectID) AND form_id = \(bind: formID)").first() != nil
        }
    }

    /// One media file of a form version, with its bytes.
    public func formMedia(versionID: String, name: String) async throws -> FormMediaFile? {
        try await read { db in
            try await db.raw("""
                SELECT name, content_type, content, md5 FROM form_media WHERE form_version_id = \(bind: versionID) AND name = \(bind: name)
                """).first().map { row in
                FormMediaFile(name: try row.decode(column: "name", as: String.self),
                              contentType: try row.decode(column: "content_type", as: String.self),
                              content: try row.decode(column: "content", as: Data.self),
                              md5: try row.decode(column: "md5", as: String.self))
            }
        }
    }

    /// Adds (or replaces) a media file of a published form version; the audit log says who and
    /// which file. Collect sees the new MD5 in the manifest and downloads the file again.
    /// Returns true when a file of that name was replaced.
    @discardableResult
    public func addFormMedia(_ form: PublishedForm, projectID: String, file: FormMediaFile, actorID: String? = nil) async throws -> Bool {
        try await transaction { db in
            let replaced = try await db.raw("""
                SELECT name FROM form_media WHERE form_version_id = \(bind: form.versionID) AND name = \(bind: file.name)
                """).first() != nil
            try await db.raw("DELETE FROM form_media WHERE form_version_id = \(bind: form.versionID) AND name = \(bind: file.name)").run()
            try await Self.insertMedia(db, versionID: form.versionID, file: file)
            try await Self.audit(db, actorID: actorID, projectID: projectID, action: replaced ? "form.media.replaced" : "form.media.added",
                                 subject: "\(form.formID) version \(form.version): \(file.name) (\(file.content.count) bytes)")
            return replaced
        }
    }

    static func insertMedia(_ db: any SQLDatabase, versionID: String, file: FormMediaFile) async throws {
        try await db.raw("""
            INSERT INTO form_media (form_version_id, name, content_type, content, md5, created_at)
            VALUES (\(bind: versionID), \(bind: file.name), \(bind: file.contentType), \(bind: file.content), \(bind: file.md5), \(bind: Timestamp.now()))
            """).run()
    }

    static let publishedColumns = """
        f.id AS form_pk, f.form_id AS form_id, v.id AS version_id, v.version AS version, v.title AS title, v.xform AS xform, v.xform_md5 AS xform_md5
        """

    private static func publishedForm(_ db: any SQLDatabase, _ row: any SQLRow) async throws -> PublishedForm {
        let versionID = try row.decode(column: "version_id", as: String.self)
        let media = try await db.raw("SELECT name, md5 FROM form_media WHERE form_version_id = \(bind: versionID) ORDER BY name").all().map { media in
            (name: try media.decode(column: "name", as: String.self), md5: try media.decode(column: "md5", as: String.self))
        }
        guard let xform = try row.decode(column: "xform", as: String?.self), let md5 = try row.decode(column: "xform_md5", as: String?.self) else {
            throw StorageError.corrupt("form version \(versionID) has no XForm")
        }
        return PublishedForm(formPK: try row.decode(column: "form_pk", as: String.self), versionID: versionID,
                             formID: try row.decode(column: "form_id", as: String.self), version: try row.decode(column: "version", as: String.self),
                             title: try row.decode(column: "title", as: String.self), xform: xform, xformMD5: md5, media: media)
    }
}
