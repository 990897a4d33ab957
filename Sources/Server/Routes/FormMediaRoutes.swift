import Accounts
import Forms
import Foundation
import Hummingbird
import Storage

/// Media files of a form: the images, audio, video and CSV files its XForm names, which ODK
/// Collect downloads through the manifest. Like ODK Central's form attachments, they belong to
/// the current version and are listed against what the XForm expects, so a manager sees at once
/// which files are still missing.
extension Site {
    func addFormMediaRoutes(to router: Router<CountedRequestContext>) {
        let api = "api/v1/projects/:project/forms/:form/media"

        router.get(RouterPath(api)) { _, context -> Response in
            let (_, form) = try await currentVersion(context, permission: .viewProject, api: true)
            return Self.json(FormMediaStatus.list(form), status: .ok)
        }

        router.put(RouterPath(api + "/:name")) { request, context -> Response in
            let (scope, form) = try await currentVersion(context, permission: .manageForms, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            let name = try context.parameters.require("name")
            let fileName = name.removingPercentEncoding ?? name
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            let contentType = request.headers[.contentType] ?? FormMediaStatus.contentType(for: fileName)
            let file: FormMediaFile
            do throws(MediaFileProblem) {
                file = try FormMediaStatus.file(named: fileName, data: Data(buffer: body), contentType: contentType)
            } catch {
                throw APIError(.unprocessableContent, error.message, problems: [APIProblem(field: "name", message: error.message)])
            }
            let replaced = try await store.addFormMedia(form, projectID: scope.project.id, file: file, actorID: context.identity?.id)
            let updated = try await store.publishedForm(projectID: scope.project.id, formID: form.formID) ?? form
            let entry = FormMediaStatus.list(updated).first { $0.name == fileName }
            return Self.json(entry, status: replaced ? .ok : .created)
        }

        router.post("/projects/:project/forms/:form/media") { request, context -> Response in
            let (scope, form) = try await currentVersion(context, permission: .manageForms, api: false)
            let fields = try await readForm(request, context: context)
            let uploads = fields.uploads.filter { !$0.file.fileName.isEmpty }
            guard !uploads.isEmpty else {
                return try await workspace(scope, context: context, formErrors: ["Choose one or more media files for '\(form.formID)' to upload."],
                                           status: .unprocessableContent)
            }
            var files: [FormMediaFile] = []
            var problems: [String] = []
            for upload in uploads {
                do throws(MediaFileProblem) {
                    files.append(try FormMediaStatus.file(named: upload.file.fileName, data: upload.file.data,
                                                          contentType: FormMediaStatus.contentType(for: upload.file.fileName)))
                } catch {
                    problems.append(error.message)
                }
            }
            guard problems.isEmpty else {
                return try await workspace(scope, context: context, formErrors: problems.map { $0 + " No file was stored." },
                                           status: .unprocessableContent)
            }
            for file in files {
                try await store.addFormMedia(form, projectID: scope.project.id, file: file, actorID: context.identity?.id)
            }
            let notice = "\(files.count) media file(s) added to '\(form.formID)': " + files.map(\.name).joined(separator: ", ") + "."
            return Response.redirect(to: "/projects/\(scope.project.slug)?notice=" + Self.query(notice), type: .normal)
        }
    }

    /// The project (with the caller's access checked) and its form's current version.
    private func currentVersion(_ context: CountedRequestContext, permission: Permission, api: Bool) async throws -> (ProjectScope, PublishedForm) {
        let scope = try await scope(try context.parameters.require("project"), context: context, api: api)
        try require(permission, in: scope, context: context, api: api)
        let formID = try context.parameters.require("form")
        guard let form = try await store.publishedForm(projectID: scope.project.id, formID: formID) else {
            throw notFound("Project '\(scope.project.slug)' has no form '\(formID)' with an XForm (upload the XLSForm again).", api: api)
        }
        return (scope, form)
    }
}
