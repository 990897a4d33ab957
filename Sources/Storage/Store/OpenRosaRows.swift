import Forms

/// The rows a new OpenRosa submission adds to `instance_values` and `answers`, each without its
/// first column (the submission's id, given when it is stored). Made in the task that received
/// the submission: the statements of all submissions run one after another on the writing
/// connection, so whatever can be done before that is done before.
struct OpenRosaRows: Sendable {
    var values: [[SQLValue]]
    var answers: [[SQLValue]]

    init(_ submission: OpenRosaSubmission) {
        values = submission.flattened.values.map { value in
            [.integer(value.position), .text(value.record), SQLValue(value.parentPosition), .text(value.path),
             .text(value.type.rawValue), .text(value.text), SQLValue(value.number)]
        }
        // The answers indicators read (the web-form model's top-level questions), as for JSON submissions.
        let answered = submission.form.questionnaire?.answers(from: submission.flattened.values) ?? []
        answers = answered.enumerated().map { position, answer in Store.answerRow(answer, at: position) }
    }
}
