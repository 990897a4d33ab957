import Testing
import Forms

@Suite("Checking an HTML form post")
struct FormFieldSubmissionTests {
    private func problems(_ fields: [(String, String)], ignoring: Set<String> = ["_csrf"],
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> [SubmissionProblem] {
        let form = try HouseholdForm.questionnaire()
        do {
            let payload = try form.checkSubmission(formFields: fields, ignoring: ignoring)
            Issue.record("expected refusal, got \(payload)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func validPostIgnoresListedFieldsAndOmitsEmptyOptionalAnswers() throws {
        let form = try HouseholdForm.questionnaire()
        let payload = try form.checkSubmission(
            formFields: [("_csrf", "token"), ("age", " 19 "), ("sex", "female"), ("comment", "")],
            ignoring: ["_csrf"])
        #expect(payload.answers == [
            Answer(field: "sex", value: .choice("female")),
            Answer(field: "age", value: .integer(19)),
        ])
        #expect(payload.instanceID == nil)
    }

    @Test func instanceIDFieldIsTakenAsTheSubmissionID() throws {
        let form = try HouseholdForm.questionnaire()
        let payload = try form.checkSubmission(
            formFields: [("instance_id", "abc-123"), ("age", "19"), ("sex", "male")], ignoring: [])
        #expect(payload.instanceID == "abc-123")
        #expect(payload.answers.count == 2)
    }

    @Test func emptyStringIsNotAnAnswer() throws {
        let found = try problems([("sex", ""), ("age", "")])
        #expect(found.map(\.field) == ["sex", "age"])
        #expect(found.allSatisfy { $0.message.hasPrefix("An answer is required") })
    }

    @Test func unlistedExtraFieldIsRefused() throws {
        let found = try problems([("sex", "male"), ("age", "3"), ("submit", "Send")])
        #expect(found == [SubmissionProblem(field: "submit", message: "This is not a question of form household.")])
        // Without listing it, even the CSRF field is refused.
        let csrf = try problems([("_csrf", "t"), ("sex", "male"), ("age", "3")], ignoring: [])
        #expect(csrf.map(\.field) == ["_csrf"])
    }

    @Test func wrongTypesAndInvalidChoice() throws {
        let found = try problems([("sex", "other"), ("age", "12 years")])
        #expect(found.map(\.field) == ["sex", "age"])
        #expect(found[0].message == "'other' is not one of the choices. Allowed: female, male.")
        #expect(found[1].message == "Expected a whole number, but got '12 years'.")
    }

    @Test func sameQuestionTwice() throws {
        let found = try problems([("sex", "male"), ("sex", "female"), ("age", "3")])
        #expect(found.map(\.field) == ["sex"])
    }
}
