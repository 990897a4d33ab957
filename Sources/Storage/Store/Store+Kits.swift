import Accounts
import Forms
import Frameworks

/// Projects started from a kit.
extension Store {
    /// Creates a project with a kit's questionnaires (ready for ODK Collect and the web form) and
    /// its framework. Every questionnaire is converted before anything is stored, so a kit with a
    /// bad form changes nothing.
    public func createProject(fromKit kit: Kit, organisationID: String, slug: Slug, name: String, isPublic: Bool,
                              ownerID: String?) async throws -> Project {
        for questionnaire in kit.questionnaires {
            _ = try XLSFormFile.convert(questionnaire.source, fileName: questionnaire.entry.file,
                                        fallbackFormID: Self.formID(fromFileName: questionnaire.entry.file))
        }
        let project = try await createProject(organisationID: organisationID, slug: slug, name: name,
                                               description: kit.framework.description.text(in: kit.framework.defaultLanguage), isPublic: isPublic)
        if let ownerID { try await setRole(.owner, userID: ownerID, projectID: project.id) }
        for questionnaire in kit.questionnaires {
            _ = try await addXLSForm(questionnaire.source, fileName: questionnaire.entry.file, projectID: project.id, createdBy: ownerID)
        }
        try await saveFramework(kit.framework, fileName: Kit.frameworkFile, source: kit.frameworkSource, kit: kit.name,
                                projectID: project.id, actorID: ownerID)
        try await recordAudit(actorID: ownerID, projectID: project.id, action: "project.created", subject: "\(project.slug) from kit \(kit.name)")
        return project
    }
}
