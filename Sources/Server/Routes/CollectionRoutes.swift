import Foundation
import Accounts
import Forms
import Hummingbird
import Storage

/// The plain server-rendered web form: works without JavaScript on any browser.
extension Site {
    func addCollectionRoutes(to router: Router<CountedRequestContext>) {
        router.get("/projects/:project/forms/:form/fill") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.submit, in: scope, context: context, api: false)
            let form = try await form(try context.parameters.require("form"), in: scope, api: false)
            guard !form.questionnaire.needsODKCollect else {
                throw PageError(.conflict, Self.needsODKCollectMessage(form, project: scope.project))
            }
            let saved = request.uri.queryParameters["saved"] != nil
            return fillPage(form, scope: scope, context: context, notice: saved ? "Thank you: the submission is saved. You can fill in the next one." : nil)
        }

        router.post("/projects/:project/forms/:form/fill") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.submit, in: scope, context: context, api: false)
            let form = try await form(try context.parameters.require("form"), in: scope, api: false)
            guard !form.questionnaire.needsODKCollect else {
                throw PageError(.conflict, Self.needsODKCollectMessage(form, project: scope.project))
            }
            let fields = try await readForm(request, context: context)
            let payload: SubmissionPayload
            do {
                // The page carries an instance_id, so a double click or a resent post is stored once.
                payload = try form.questionnaire.checkSubmission(formFields: fields.pairs, ignoring: [CSRFProtection.fieldName])
            } catch let error as SubmissionError {
                return fillPage(form, scope: scope, context: context, entered: fields, problems: error.problems, status: .unprocessableContent)
            }
            let raw = Self.rawJSON(fields.pairs.filter { $0.0 != CSRFProtection.fieldName })
            _ = try await store.storeSubmission(form: form, payload: payload, raw: raw, channel: .web, submittedBy: context.identity?.id)
            return Response.redirect(to: "/projects/\(scope.project.slug)/forms/\(form.formID)/fill?saved=1", type: .normal)
        }
    }

    /// Why a form cannot be filled in here, and where to fill it in instead.
    static func needsODKCollectMessage(_ form: StoredForm, project: Project) -> String {
        "The questionnaire '\(form.questionnaire.title)' uses what only ODK Collect or KoboCollect fill in (groups, repeats, logic or other question types). "
            + "In the app's server settings, enter this server's address followed by /openrosa/\(project.slug), and sign in as a project member."
    }

    func fillPage(_ form: StoredForm, scope: ProjectScope, context: CountedRequestContext, entered: FormFields? = nil,
                  problems: [SubmissionProblem] = [], notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let questionnaire = form.questionnaire
        let messages = Dictionary(problems.map { ($0.field, $0.message) }) { "\($0) \($1)" }
        let questions = questionnaire.questions.map { question -> [String: Any] in
            let value = entered?[question.name] ?? ""
            // Mustache treats "" as true: optional parts are left out rather than set empty.
            var item: [String: Any] = [
                "name": question.name, "label": question.label.isEmpty ? question.name : question.label,
                "required": question.required, "value": value,
            ]
            if let hint = question.hint, !hint.isEmpty { item["hint"] = hint }
            if let error = messages[question.name] { item["error"] = error }
            switch question.type {
            case .text: item["isText"] = true
            case .integer: item["isInteger"] = true
            case .note: item["isNote"] = true
            case .selectOne:
                item["isSelect"] = true
                item["choices"] = questionnaire.choices(for: question).enumerated().map { index, choice in
                    ["name": choice.name, "question": question.name, "label": choice.label, "checked": choice.name == value, "id": "\(question.name)-\(index)"]
                }
            }
            return item
        }
        let known = Set(questionnaire.questions.map(\.name))
        let values: [String: Any] = [
            "project": Self.projectValues(scope.project), "formID": form.formID, "formTitle": questionnaire.title,
            "version": questionnaire.version, "questions": questions,
            "problems": problems.map { problem -> [String: Any] in
                // The summary names the question, unless the message already does.
                let label = questionnaire.question(named: problem.field).map { $0.label.isEmpty ? $0.name : $0.label }
                let message = label.map { problem.message.contains($0) ? problem.message : "\($0) \(problem.message)" } ?? problem.message
                return ["field": problem.field, "message": message, "linked": known.contains(problem.field)]
            },
            "hasProblems": !problems.isEmpty,
            "instanceID": entered?[Questionnaire.instanceIDKey] ?? "uuid:\(UUID.random().uuidString.lowercased())",
        ]
        return page("fill", questionnaire.title, values, context: context, status: status, notice: notice)
    }

    /// The web form's fields as received, kept as the submission's raw record.
    static func rawJSON(_ pairs: [(String, String)]) -> String {
        let object = Dictionary(pairs) { _, last in last }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
