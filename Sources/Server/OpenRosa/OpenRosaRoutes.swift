import Accounts
import Forms
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// The OpenRosa server ODK Collect and KoboCollect talk to, per project. Its base URL, entered
/// in Collect's server settings, is `/openrosa/{project}` (HTTP Basic: e-mail and password) or
/// `/openrosa/key/{token}/{project}` (an app user's token, no password on the phone). Collect
/// adds `/formList` and `/submission` itself.
extension Site {
    func addOpenRosaRoutes(to router: Router<CountedRequestContext>) {
        for prefix in ["openrosa/key/:token/:project", "openrosa/:project"] {
            let group = router.group(RouterPath(prefix))
            group.get("formList") { request, context in try await formList(request, context: context) }
            group.get("forms/:form/form.xml") { request, context in try await formDownload(request, context: context) }
            group.get("forms/:form/manifest") { request, context in try await manifest(request, context: context) }
            group.get("forms/:form/media/:name") { request, context in try await mediaDownload(request, context: context) }
            group.head("submission") { request, context in try await submissionPreflight(request, context: context) }
            group.get("submission") { request, context in try await submissionPreflight(request, context: context) }
            group.post("submission") { request, context in try await submission(request, context: context) }
        }
    }

    private var acceptLength: Int { configuration.maxBodyBytes }

    private func xmlResponse(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: OpenRosaXML.headers(acceptLength: acceptLength, xml: true),
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func formList(_ request: Request, context: CountedRequestContext) async throws -> Response {
        let collector = try await openRosaCollector(request, context: context)
        var forms = try await store.publishedForms(projectID: collector.project.id)
        if let only = request.uri.queryParameters["formID"].map(String.init) { forms = forms.filter { $0.formID == only } }
        return xmlResponse(OpenRosaXML.formList(forms, base: absoluteURL(collector.basePath, request: request)))
    }

    private func publishedForm(_ collector: OpenRosaCollector, context: CountedRequestContext) async throws -> PublishedForm {
        let formID = try context.parameters.require("form")
        guard let form = try await store.publishedForm(projectID: collector.project.id, formID: formID) else {
            throw OpenRosaError(status: .notFound, message: "The project '\(collector.project.slug)' has no form '\(formID)' for ODK Collect.",
                                acceptLength: acceptLength)
        }
        return form
    }

    private func formDownload(_ request: Request, context: CountedRequestContext) async throws -> Response {
        let collector = try await openRosaCollector(request, context: context)
        return xmlResponse(try await publishedForm(collector, context: context).xform)
    }

    private func manifest(_ request: Request, context: CountedRequestContext) async throws -> Response {
        let collector = try await openRosaCollector(request, context: context)
        let form = try await publishedForm(collector, context: context)
        return xmlResponse(OpenRosaXML.manifest(form, base: absoluteURL(collector.basePath, request: request)))
    }

    private func mediaDownload(_ request: Request, context: CountedRequestContext) async throws -> Response {
        let collector = try await openRosaCollector(request, context: context)
        let form = try await publishedForm(collector, context: context)
        let name = try context.parameters.require("name")
        let decoded = name.removingPercentEncoding ?? name
        guard let file = try await store.formMedia(versionID: form.versionID, name: decoded) else {
            throw OpenRosaError(status: .notFound, message: "The form '\(form.formID)' has no media file '\(decoded)'.", acceptLength: acceptLength)
        }
        var headers = OpenRosaXML.headers(acceptLength: acceptLength, xml: false)
        headers[.contentType] = file.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.content)))
    }

    /// Collect's HEAD before a POST settles authentication; it requires 204. GET answers the same,
    /// because HTTP says HEAD mirrors GET.
    private func submissionPreflight(_ request: Request, context: CountedRequestContext) async throws -> Response {
        _ = try await openRosaCollector(request, context: context)
        return Response(status: .noContent, headers: OpenRosaXML.headers(acceptLength: acceptLength, xml: false))
    }

    /// A submission: read the parts, read the XML against its form version, store everything in
    /// one transaction, and only then answer 201.
    private func submission(_ request: Request, context: CountedRequestContext) async throws -> Response {
        let collector = try await openRosaCollector(request, context: context)
        if let version = request.headers[OpenRosaXML.version], version.trimmingXPathWhitespace() != "1.0" {
            throw OpenRosaError(status: .badRequest, message: "This server speaks OpenRosa 1.0, but the request says X-OpenRosa-Version: \(version).",
                                acceptLength: acceptLength)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: acceptLength)
        } catch is NIOTooManyBytesError {
            throw OpenRosaError(status: .contentTooLarge, message: "The submission is larger than this server accepts in one request "
                + "(\(acceptLength) bytes); nothing was stored.", acceptLength: acceptLength)
        }
        let upload = try SubmissionUpload(body: body, contentType: request.headers[.contentType] ?? "", limit: acceptLength,
                                          digest: ContentDigest.md5)
        let instance: SubmittedInstance
        do {
            instance = try SubmittedInstance.parse(upload.xml)
        } catch {
            throw OpenRosaError(status: .badRequest, message: error.description + " Nothing was stored.", acceptLength: acceptLength)
        }
        let version = try await preparedVersion(of: instance, in: collector.project)
        let flattened = version.flatten(instance, now: Date())
        let digest = ContentDigest.sha256(upload.xml)
        let submission = OpenRosaSubmission(
            form: version.record, instanceID: instance.instanceID ?? "sha256:\(digest)", deprecatedID: instance.deprecatedID,
            raw: upload.xml, contentDigest: digest, flattened: flattened, attachments: upload.attachments,
            submittedBy: collector.user?.id, appUserID: collector.appUser?.id)
        let receipt: OpenRosaReceipt
        do {
            receipt = try await store.storeOpenRosaSubmission(submission)
        } catch let error as StorageError {
            guard case .conflict(let message) = error else { throw error }
            throw OpenRosaError(status: .conflict, message: message, acceptLength: acceptLength)
        }
        let message = receipt.wasAlreadyStored
            ? "This submission was already received" + (receipt.attachmentsAdded > 0 ? "; \(receipt.attachmentsAdded) more attachment(s) were added." : ".")
            : "Submission received" + (flattened.findings.isEmpty ? "." : ", with \(flattened.findings.count) finding(s) for review.")
        return xmlResponse(OpenRosaXML.message(message, nature: "submit_success"), status: .created)
    }

    /// The form version a submission names, prepared once per process (see `PreparedFormVersions`).
    private func preparedVersion(of instance: SubmittedInstance, in project: Project) async throws -> PreparedFormVersion {
        let versionText = instance.version ?? ""
        if let prepared = formVersions.version(projectID: project.id, formID: instance.formID, version: versionText) { return prepared }
        guard let version = try await store.formVersion(projectID: project.id, formID: instance.formID, version: versionText) else {
            guard try await store.hasForm(projectID: project.id, formID: instance.formID) else {
                throw OpenRosaError(status: .notFound, message: "The project '\(project.slug)' has no form '\(instance.formID)'; nothing was stored. "
                    + "Download the project's forms again in ODK Collect.", acceptLength: acceptLength)
            }
            throw OpenRosaError(status: .badRequest, message: "The form '\(instance.formID)' has no version '\(versionText)' on this server; "
                + "nothing was stored. Download the form again in ODK Collect.", acceptLength: acceptLength)
        }
        guard let definition = version.definition else {
            throw OpenRosaError(status: .badRequest, message: "Version '\(versionText)' of the form '\(instance.formID)' was uploaded before "
                + "this server kept XForms, so it cannot read the submission; nothing was stored. Upload the form again.",
                                acceptLength: acceptLength)
        }
        let prepared = PreparedFormVersion(record: version, definition: definition)
        formVersions.remember(prepared)
        return prepared
    }
}
