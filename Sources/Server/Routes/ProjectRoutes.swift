import Accounts
import Forms
import Foundation
import Frameworks
import Hummingbird
import Storage

/// The project workspace of signed-in members: questionnaires, indicators, members, submissions.
extension Site {
    func addProjectRoutes(to router: Router<CountedRequestContext>) {
        router.get("/projects/new") { request, context -> Response in
            try requireAdministrator(context)
            let kit = request.uri.queryParameters["kit"].map(String.init)
            return newProjectPage(values: kit.map { ["kit": $0] } ?? [:], context: context)
        }

        router.post("/projects") { request, context -> Response in
            let user = try requireAdministrator(context)
            let fields = try await readForm(request, context: context)
            func refused(_ message: String) -> Response {
                newProjectPage(values: Dictionary(fields.pairs) { $1 }, error: message, context: context)
            }
            do {
                let project = try await createProject(fields: fields, owner: user)
                return Response.redirect(to: "/projects/\(project.slug)", type: .normal)
            } catch let error as PageError {
                return refused(error.message)
            } catch let error as SlugError {
                return refused(error.description)
            } catch let error as StorageError {
                return refused(error.description)
            } catch let error as FormDefinitionError {
                return refused("The kit's questionnaires could not be stored: " + error.problems.map(\.description).joined(separator: " "))
            }
        }

        router.get("/projects/:project") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.viewProject, in: scope, context: context, api: false)
            return try await workspace(scope, context: context, notice: request.uri.queryParameters["notice"].map(String.init))
        }

        router.post("/projects/:project/forms") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.manageForms, in: scope, context: context, api: false)
            let fields = try await readForm(request, context: context)
            guard let file = fields.files["file"], !file.data.isEmpty else {
                return try await workspace(scope, context: context, formErrors: ["Choose an XLSForm file (.xlsx or .csv) to upload."], status: .unprocessableContent)
            }
            do {
                let (form, warnings) = try await addQuestionnaire(file.data, fileName: file.fileName, scope: scope, user: context.identity)
                var notice = "Questionnaire '\(form.questionnaire.title)' (version \(form.questionnaire.version)) is ready."
                if !warnings.isEmpty {
                    notice += " Check \(warnings.count == 1 ? "this warning" : "these \(warnings.count) warnings"): "
                        + warnings.map(\.description).joined(separator: " ")
                }
                return Response.redirect(to: "/projects/\(scope.project.slug)?notice=" + Self.query(notice), type: .normal)
            } catch let error as FormDefinitionError {
                return try await workspace(scope, context: context, formErrors: error.problems.map(\.description), status: .unprocessableContent)
            } catch let error as StorageError {
                return try await workspace(scope, context: context, formErrors: [error.description], status: .conflict)
            }
        }

        router.post("/projects/:project/indicators") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.manageIndicators, in: scope, context: context, api: false)
            let fields = try await readForm(request, context: context)
            let by = (fields["disaggregate_by"] ?? "").trimmingCharacters(in: .whitespaces)
            let indicator = ProportionIndicator(
                code: (fields["code"] ?? "").trimmingCharacters(in: .whitespaces), title: (fields["title"] ?? "").trimmingCharacters(in: .whitespaces),
                formID: fields["form"] ?? "", field: fields["field"] ?? "", value: (fields["value"] ?? "").trimmingCharacters(in: .whitespaces),
                disaggregateBy: by.isEmpty ? nil : by)
            do {
                try await saveIndicator(indicator, scope: scope, user: context.identity, api: false)
            } catch let error as IndicatorDefinitionError {
                return try await workspace(scope, context: context, indicatorErrors: error.problems.map(\.description), status: .unprocessableContent)
            }
            return Response.redirect(to: "/projects/\(scope.project.slug)?notice=" + Self.query("Indicator \(indicator.code) is saved."), type: .normal)
        }

        router.post("/projects/:project/members") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.manageMembers, in: scope, context: context, api: false)
            let fields = try await readForm(request, context: context)
            do {
                guard let role = Role(rawValue: fields["role"] ?? "") else { throw PageError(.unprocessableContent, "Choose a role.") }
                if role == .owner && scope.access.role != .owner && !(context.identity?.isAdministrator ?? false) {
                    throw PageError(.forbidden, "Only an owner can make someone else an owner.")
                }
                let email = try EmailAddress(fields["email"] ?? "")
                guard let member = try await store.user(email: email) else {
                    throw PageError(.unprocessableContent, "Nobody has an account for \(email) yet. An administrator creates accounts with 'counted user add'.")
                }
                try await store.setRole(role, userID: member.id, projectID: scope.project.id)
                try await store.recordAudit(actorID: context.identity?.id, projectID: scope.project.id, action: "member.role.set", subject: "\(email) \(role.rawValue)")
                return Response.redirect(to: "/projects/\(scope.project.slug)?notice=" + Self.query("\(email) is now \(role.rawValue)."), type: .normal)
            } catch let error as PageError {
                return try await workspace(scope, context: context, memberErrors: [error.message], status: error.status)
            } catch let error as EmailAddressError {
                return try await workspace(scope, context: context, memberErrors: [error.description], status: .unprocessableContent)
            }
        }

        router.get("/projects/:project/forms/:form/submissions") { request, context -> Response in
            let scope = try await scope(try context.parameters.require("project"), context: context, api: false)
            try require(.readSubmissions, in: scope, context: context, api: false)
            let form = try await form(try context.parameters.require("form"), in: scope, api: false)
            let pageNumber = max(1, request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1)
            let pageSize = 50
            let total = try await store.submissionCount(formPK: form.id)
            let submissions = try await store.submissions(formPK: form.id, limit: pageSize, offset: (pageNumber - 1) * pageSize)
            let questions = form.questionnaire.questions.filter { $0.type != .note }
            var values: [String: Any] = [
                "project": Self.projectValues(scope.project), "formID": form.formID, "formTitle": form.questionnaire.title,
                "total": total, "columns": questions.map { ["name": $0.name] },
                "rows": submissions.map { submission -> [String: Any] in
                    let byField = Dictionary(submission.answers.map { ($0.field, $0.value) }) { $1 }
                    return ["receivedAt": submission.receivedAt, "version": submission.formVersion,
                            "cells": questions.map { ["value": byField[$0.name].map(Self.display) ?? ""] }]
                },
            ]
            if pageNumber > 1 { values["previous"] = pageNumber - 1 }
            if pageNumber * pageSize < total { values["next"] = pageNumber + 1 }
            return page("submissions", "Submissions: \(form.questionnaire.title)", values, context: context)
        }
    }

    @discardableResult
    func requireAdministrator(_ context: CountedRequestContext) throws -> User {
        guard let user = context.identity else { throw PageError(.unauthorized, "Sign in to create projects.") }
        guard user.isAdministrator else { throw PageError(.forbidden, "Only administrators create organisations and projects.") }
        return user
    }

    /// The new-project form: `values` are what was entered (kept after a refusal), with the kit chosen under "kit".
    func newProjectPage(values: [String: String], error: String? = nil, context: CountedRequestContext) -> Response {
        let kits = KitCatalogue.choices(selected: values["kit"], logger: context.logger)
        var form: [String: Any] = ["values": values, "kits": kits, "hasKits": !kits.isEmpty,
                                   "noKit": !kits.contains { $0["checked"] as? Bool == true }]
        if let error { form["error"] = error }
        return page("new_project", "New project", form, context: context, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Creates a project (and its organisation when new) from the new-project form: empty, or
    /// from the kit chosen, with its questionnaires and framework. The creator becomes its owner.
    func createProject(fields: FormFields, owner: User) async throws -> Project {
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let organisationName = (fields["organisation_name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw PageError(.unprocessableContent, "Give the project a name.") }
        let slug = try Slug(fields["slug"] ?? "")
        let organisationSlug = try Slug(fields["organisation"] ?? "")
        // The kit is checked before anything is stored, so a bad choice leaves no organisation behind.
        let kitName = (fields["kit"] ?? "").trimmingCharacters(in: .whitespaces)
        let kit = kitName.isEmpty ? nil : try KitCatalogue.kit(named: kitName)
        var organisation = try await store.organisation(slug: organisationSlug.value)
        if organisation == nil {
            organisation = try await store.createOrganisation(
                slug: organisationSlug, name: organisationName.isEmpty ? organisationSlug.value : organisationName)
        }
        guard let organisation else { throw PageError(.internalServerError, "The organisation could not be created.") }
        if let kit {
            // Stores the owner role and the audit record itself.
            return try await store.createProject(fromKit: kit, organisationID: organisation.id, slug: slug, name: name,
                                                 isPublic: fields["public"] != nil, ownerID: owner.id)
        }
        let project = try await store.createProject(organisationID: organisation.id, slug: slug, name: name,
                                                    description: fields["description"] ?? "", isPublic: fields["public"] != nil)
        try await store.setRole(.owner, userID: owner.id, projectID: project.id)
        try await store.recordAudit(actorID: owner.id, projectID: project.id, action: "project.created", subject: project.slug)
        return project
    }

    /// Stores an uploaded XLSForm (see ``Store/addXLSForm(_:fileName:projectID:createdBy:)``).
    func addQuestionnaire(_ data: Data, fileName: String, scope: ProjectScope, user: User?) async throws -> (form: StoredForm, warnings: [FormProblem]) {
        try await store.addXLSForm(data, fileName: fileName, projectID: scope.project.id, createdBy: user?.id)
    }

    func saveIndicator(_ indicator: ProportionIndicator, scope: ProjectScope, user: User?, api: Bool) async throws {
        guard let form = try await store.form(projectID: scope.project.id, formID: indicator.formID) else {
            throw IndicatorDefinitionError(problems: [IndicatorProblem(property: "form", message: "Project '\(scope.project.slug)' has no form '\(indicator.formID)'.")])
        }
        try indicator.validate(against: form.questionnaire)
        try await store.saveIndicator(indicator, projectID: scope.project.id, actorID: user?.id)
    }

    func workspace(_ scope: ProjectScope, context: CountedRequestContext, notice: String? = nil, formErrors: [String] = [],
                   indicatorErrors: [String] = [], memberErrors: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let project = scope.project
        let forms = try await store.forms(projectID: project.id)
        var formValues: [[String: Any]] = []
        for form in forms {
            let media = try await store.publishedForm(projectID: project.id, formID: form.formID).map(FormMediaStatus.list) ?? []
            let missing = media.filter { $0.expected && !$0.uploaded }.map(\.name)
            formValues.append([
                "hasMedia": !media.isEmpty, "mediaMissing": missing.joined(separator: ", "), "hasMissingMedia": !missing.isEmpty,
                "mediaUploaded": media.filter(\.uploaded).map(\.name).joined(separator: ", "),
                "formID": form.formID, "title": form.questionnaire.title, "version": form.questionnaire.version,
                "questionCount": form.questionnaire.questions.filter { $0.type != .note }.count,
                "submissionCount": try await store.submissionCount(formPK: form.id),
                "selectQuestions": form.questionnaire.questions.compactMap { question -> [String: Any]? in
                    guard case .selectOne = question.type else { return nil }
                    return ["name": question.name, "label": question.label,
                            "choices": form.questionnaire.choices(for: question).map { "\($0.name)" }.joined(separator: ", ")]
                },
            ])
        }
        let access = scope.access
        var values: [String: Any] = [
            "project": Self.projectValues(project), "forms": formValues, "hasForms": !forms.isEmpty,
            "isAdministrator": access.isAdministrator,
            "results": try await results(for: project).map(Self.resultValues),
            "role": access.role?.rawValue ?? (access.isAdministrator ? "administrator" : ""),
            "canSubmit": access.allows(.submit), "canRead": access.allows(.readSubmissions),
            "canManageForms": access.allows(.manageForms), "canManageIndicators": access.allows(.manageIndicators),
            "canManageMembers": access.allows(.manageMembers),
            "formErrors": formErrors, "indicatorErrors": indicatorErrors, "memberErrors": memberErrors,
            "hasFormErrors": !formErrors.isEmpty, "hasIndicatorErrors": !indicatorErrors.isEmpty, "hasMemberErrors": !memberErrors.isEmpty,
            "roles": Role.allCases.map { ["name": $0.rawValue, "summary": $0.summary] },
        ]
        if let stored = try await store.framework(projectID: project.id) {
            values["framework"] = Self.frameworkSummary(stored, path: ProjectEntrance.workspace.path(of: project) + "/framework")
        }
        if access.allows(.manageMembers) {
            values["members"] = try await store.members(projectID: project.id).map { ["email": $0.user.email, "name": $0.user.name, "role": $0.role.rawValue] }
        }
        return page("project", project.name, values, context: context, status: status, notice: notice)
    }

    static func display(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .choice(let name): name
        }
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
