import Foundation

/// Checking what a client sent against the questionnaire. Both entry points (JSON API and HTML
/// form post) share one set of rules, so a submission is accepted or refused the same way
/// whichever way it arrives.
extension Questionnaire {
    /// The top-level key of a JSON body (and the form field) carrying the client's submission ID.
    public static let instanceIDKey = "instance_id"
    /// The top-level key of a JSON body holding the answers object.
    public static let answersKey = "answers"

    /// Checks a JSON API body:
    /// `{"instance_id": "optional string", "answers": {"sex": "female", "age": 34, "comment": "..."}}`.
    ///
    /// Integer questions accept a JSON integer or a string of digits with an optional leading minus;
    /// select_one questions accept the choice name as a string; text questions accept a string.
    /// `null` and `""` count as not answered. All problems are collected before throwing.
    public func checkSubmission(json: Data) throws(SubmissionError) -> SubmissionPayload {
        let body: JSONValue
        do {
            body = try JSONTextParser.parse(json)
        } catch {
            throw SubmissionError(problems: [SubmissionProblem(
                field: "body",
                message: "The body must be a JSON object, but it is not valid JSON: \(error.message) at line \(error.line), column \(error.column).")])
        }
        guard case .object(let members) = body else {
            throw SubmissionError(problems: [SubmissionProblem(
                field: "body",
                message: "The body must be a JSON object such as {\"answers\": {…}}, but it is \(body.kindDescription).")])
        }

        var problems: [SubmissionProblem] = []
        var instanceID: String?
        var answerMembers: [(key: String, value: JSONValue)]?
        var seenKeys: Set<String> = []
        for (key, value) in members {
            guard seenKeys.insert(key).inserted else {
                problems.append(SubmissionProblem(field: key, message: "The key \"\(key)\" appears more than once in the body."))
                continue
            }
            switch key {
            case Self.instanceIDKey:
                switch value {
                case .null: break
                case .string(let text):
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    instanceID = trimmed.isEmpty ? nil : trimmed
                default:
                    problems.append(SubmissionProblem(field: key, message: "instance_id must be text, but it is \(value.kindDescription)."))
                }
            case Self.answersKey:
                if case .object(let answers) = value {
                    answerMembers = answers
                } else {
                    problems.append(SubmissionProblem(
                        field: key,
                        message: "\"answers\" must be an object mapping question names to answers, but it is \(value.kindDescription)."))
                }
            default:
                problems.append(SubmissionProblem(
                    field: key,
                    message: "The body has an unexpected key \"\(key)\". Only instance_id and answers are allowed; answers go inside \"answers\"."))
            }
        }
        if answerMembers == nil && !seenKeys.contains(Self.answersKey) {
            problems.append(SubmissionProblem(
                field: Self.answersKey,
                message: "The body has no \"answers\" object. Send the answers as {\"answers\": {\"question_name\": value, …}}."))
        }
        if let answerMembers {
            let checked = checkAnswers(answerMembers, ignoring: [])
            problems += checked.problems
            if problems.isEmpty {
                return SubmissionPayload(instanceID: instanceID, answers: checked.answers)
            }
        }
        throw SubmissionError(problems: problems)
    }

    /// Checks an HTML form post, where every value is a string and "" means not answered.
    ///
    /// Fields that are not questions are refused unless listed in `ignoring` (e.g. the CSRF token).
    /// A field named `instance_id` that is not a question supplies the submission ID.
    public func checkSubmission(formFields: [(String, String)], ignoring: Set<String>) throws(SubmissionError) -> SubmissionPayload {
        var instanceID: String?
        var answerFields: [(key: String, value: JSONValue)] = []
        for (name, value) in formFields {
            if name == Self.instanceIDKey && question(named: name) == nil {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { instanceID = trimmed }
                continue
            }
            answerFields.append((name, .string(value)))
        }
        let checked = checkAnswers(answerFields, ignoring: ignoring)
        guard checked.problems.isEmpty else {
            throw SubmissionError(problems: checked.problems)
        }
        return SubmissionPayload(instanceID: instanceID, answers: checked.answers)
    }

    /// The shared rules: unknown fields first (in the order sent), then each question in form order.
    private func checkAnswers(
        _ fields: [(key: String, value: JSONValue)], ignoring: Set<String>
    ) -> (answers: [Answer], problems: [SubmissionProblem]) {
        var problems: [SubmissionProblem] = []
        var given: [String: JSONValue] = [:]
        var reportedTwice: Set<String> = []
        let questionNames = Set(questions.map(\.name))

        for (name, value) in fields {
            guard questionNames.contains(name) else {
                if !ignoring.contains(name) {
                    problems.append(SubmissionProblem(field: name, message: "This is not a question of form \(formID)."))
                }
                continue
            }
            if Self.isUnanswered(value) { continue }
            if given[name] != nil {
                if reportedTwice.insert(name).inserted {
                    problems.append(SubmissionProblem(field: name, message: "This question is answered more than once; send one answer."))
                }
                continue
            }
            given[name] = value
        }

        var answers: [Answer] = []
        for question in questions where !reportedTwice.contains(question.name) {
            guard let raw = given[question.name] else {
                if question.required {
                    problems.append(SubmissionProblem(field: question.name, message: "An answer is required for \"\(question.label)\"."))
                }
                continue
            }
            switch answerValue(raw, for: question) {
            case .accepted(let value): answers.append(Answer(field: question.name, value: value))
            case .refused(let message): problems.append(SubmissionProblem(field: question.name, message: message))
            }
        }
        return (answers, problems)
    }

    /// null, "" and whitespace-only text count as not answered.
    private static func isUnanswered(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: false
        }
    }

    /// The outcome of checking one given value against its question.
    private enum AnswerCheck {
        case accepted(AnswerValue)
        case refused(String)
    }

    private func answerValue(_ raw: JSONValue, for question: Question) -> AnswerCheck {
        func problem(_ message: String) -> AnswerCheck { .refused(message) }
        switch question.type {
        case .note:
            return problem("This is a note; it takes no answer.")
        case .text:
            guard case .string(let text) = raw else {
                return problem("Expected text, but got \(raw.shortDescription).")
            }
            return .accepted(.text(text))
        case .integer:
            switch raw {
            case .integer(let number):
                return .accepted(.integer(number))
            case .string(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard Self.isWholeNumberText(trimmed) else {
                    return problem("Expected a whole number, but got \(raw.shortDescription).")
                }
                guard let number = Int(trimmed) else {
                    return problem("\(trimmed) is too large a number.")
                }
                return .accepted(.integer(number))
            case .number(let text) where Self.isWholeNumberText(text):
                return problem("\(text) is too large a number.")
            default:
                return problem("Expected a whole number, but got \(raw.shortDescription).")
            }
        case .selectOne:
            let allowed = choices(for: question).map(\.name)
            let allowedList = allowed.isEmpty ? "(none)" : allowed.joined(separator: ", ")
            guard case .string(let text) = raw else {
                return problem("Expected the name of one of the choices (\(allowedList)), but got \(raw.shortDescription).")
            }
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard allowed.contains(name) else {
                return problem("'\(name)' is not one of the choices. Allowed: \(allowedList).")
            }
            return .accepted(.choice(name))
        }
    }

    /// Digits with an optional leading minus, nothing else.
    private static func isWholeNumberText(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
