import Accounts
import Forms
import Foundation
import Frameworks
import Hummingbird
import Storage

/// The JSON API for scripts and apps: `/api/v1/...`, authenticated with API tokens.
extension Site {
    func addAPIRoutes(to router: Router<CountedRequestContext>) {
        let api = router.group("api/v1")

        api.get("projects/:project/forms") { _, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.viewProject, in: scope, context: context, api: true)
            let forms = try await store.forms(projectID: scope.project.id)
            return Self.json(forms.map { FormSummary($0) }, status: .ok)
        }

        api.post("projects/:project/forms") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.manageForms, in: scope, context: context, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            let isWorkbook = (request.headers[.contentType] ?? "").lowercased().contains("spreadsheetml")
            let fileName = request.uri.queryParameters["filename"].map(String.init) ?? (isWorkbook ? "questionnaire.xlsx" : "questionnaire.csv")
            guard body.readableBytes > 0 else {
                throw APIError(.badRequest, "Send the XLSForm file as the request body (Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet for .xlsx, text/csv for CSV).")
            }
            do {
                let (form, warnings) = try await addQuestionnaire(Data(buffer: body), fileName: fileName, scope: scope, user: context.identity)
                return Self.json(FormSummary(form, warnings: warnings), status: .created)
            } catch let error as FormDefinitionError {
                throw APIError(.unprocessableContent, "The questionnaire \(fileName) has \(error.problems.count) problem(s); nothing was stored.",
                               problems: error.problems.map { APIProblem(file: $0.file, sheet: $0.sheet, row: $0.row, column: $0.column, message: $0.message) })
            } catch let error as StorageError {
                throw APIError(.conflict, error.description)
            }
        }

        api.post("projects/:project/forms/:form/submissions") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.submit, in: scope, context: context, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            let form = try await form(try context.parameters.require("form"), in: scope, api: true)
            guard !form.questionnaire.needsODKCollect else {
                throw APIError(.conflict, Self.needsODKCollectMessage(form, project: scope.project))
            }
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            let data = Data(buffer: body)
            let payload: SubmissionPayload
            do {
                payload = try form.questionnaire.checkSubmission(json: data)
            } catch let error as SubmissionError {
                let notJSON = error.problems.contains { $0.field == "body" }
                throw APIError(notJSON ? .badRequest : .unprocessableContent,
                               notJSON ? "The body is not a JSON object; nothing was stored." : "The submission has \(error.problems.count) problem(s); nothing was stored.",
                               problems: error.problems.map { APIProblem(field: $0.field, message: $0.message) })
            }
            let receipt = try await store.storeSubmission(form: form, payload: payload, raw: String(decoding: data, as: UTF8.self),
                                                          channel: .api, submittedBy: context.identity?.id)
            return Self.json(SubmissionAnswer(receipt: receipt, form: form), status: receipt.isDuplicate ? .ok : .created)
        }

        api.get("projects/:project/forms/:form/submissions") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.readSubmissions, in: scope, context: context, api: true)
            let form = try await form(try context.parameters.require("form"), in: scope, api: true)
            let limit = min(1000, max(1, request.uri.queryParameters["limit"].flatMap { Int($0) } ?? 100))
            let offset = max(0, request.uri.queryParameters["offset"].flatMap { Int($0) } ?? 0)
            let total = try await store.submissionCount(formPK: form.id)
            let submissions = try await store.submissions(formPK: form.id, limit: limit, offset: offset)
            return Self.json(SubmissionPage(total: total, limit: limit, offset: offset, submissions: submissions.map(SubmissionBody.init)), status: .ok)
        }

        api.get("projects/:project/indicators") { _, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            return Self.json(try await results(for: scope.project), status: .ok)
        }

        api.post("projects/:project/indicators") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: true)
            try require(.manageIndicators, in: scope, context: context, api: true)
            try CSRFProtection.verifyAPI(request, context: context)
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            let indicator: ProportionIndicator
            do {
                indicator = try JSONDecoder().decode(ProportionIndicator.self, from: Data(buffer: body))
            } catch {
                throw APIError(.badRequest, "The body must be a JSON indicator: {\"code\", \"title\", \"formID\", \"field\", \"value\", \"disaggregateBy\"}. \(Self.decodingProblem(error))")
            }
            do {
                try await saveIndicator(indicator, scope: scope, user: context.identity, api: true)
            } catch let error as IndicatorDefinitionError {
                throw APIError(.unprocessableContent, "The indicator \(indicator.code) has \(error.problems.count) problem(s); nothing was stored.",
                               problems: error.problems.map { APIProblem(field: $0.property, message: $0.message) })
            }
            return Self.json(indicator, status: .created)
        }
    }

    static func decodingProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "The field '\(key.stringValue)' is missing."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "The field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type."
        case .dataCorrupted: "The body is not valid JSON."
        default: ""
        }
    }
}

/// A form as the API lists it.
struct FormSummary: Encodable {
    var formID: String
    var title: String
    var version: String
    var questions: [Question]
    /// True when the form is filled in with ODK Collect (OpenRosa) only.
    var needsODKCollect: Bool
    /// Only in the answer to an upload: what the author should look at.
    var warnings: [APIProblem]?

    init(_ form: StoredForm, warnings: [FormProblem]? = nil) {
        formID = form.formID
        title = form.questionnaire.title
        version = form.questionnaire.version
        questions = form.questionnaire.questions
        needsODKCollect = form.questionnaire.needsODKCollect
        self.warnings = warnings?.map { APIProblem(file: $0.file, sheet: $0.sheet, row: $0.row, column: $0.column, message: $0.message) }
    }

    enum CodingKeys: String, CodingKey {
        case formID = "form_id", title, version, questions, needsODKCollect = "needs_odk_collect", warnings
    }
}

/// The API's answer to a stored submission.
struct SubmissionAnswer: Encodable {
    var id: String
    var instanceID: String
    var formID: String
    var formVersion: String
    var duplicate: Bool

    init(receipt: SubmissionReceipt, form: StoredForm) {
        id = receipt.id
        instanceID = receipt.instanceID
        formID = form.formID
        formVersion = form.questionnaire.version
        duplicate = receipt.isDuplicate
    }

    enum CodingKeys: String, CodingKey { case id, instanceID = "instance_id", formID = "form_id", formVersion = "form_version", duplicate }
}

/// One submission as the API returns it: answers as a JSON object.
struct SubmissionBody: Encodable {
    var submission: StoredSubmission
    init(_ submission: StoredSubmission) { self.submission = submission }

    enum CodingKeys: String, CodingKey { case id, instanceID = "instance_id", formVersion = "form_version", receivedAt = "received_at", answers }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(submission.id, forKey: .id)
        try container.encode(submission.instanceID, forKey: .instanceID)
        try container.encode(submission.formVersion, forKey: .formVersion)
        try container.encode(submission.receivedAt, forKey: .receivedAt)
        var answers = container.nestedContainer(keyedBy: AnyKey.self, forKey: .answers)
        for answer in submission.answers {
            let key = AnyKey(answer.field)
            switch answer.value {
            case .text(let text), .choice(let text): try answers.encode(text, forKey: key)
            case .integer(let number): try answers.encode(number, forKey: key)
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

struct SubmissionPage: Encodable {
    var total: Int
    var limit: Int
    var offset: Int
    var submissions: [SubmissionBody]
}
