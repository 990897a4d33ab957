import Foundation
import Testing
import Forms

@Suite("Checking a JSON submission")
struct JSONSubmissionTests {
    /// A form with every question kind: required select_one, required integer, optional text, a note.
    private let form: Questionnaire = {
        let csv = """
            survey,,,,
            ,type,name,label,required
            ,note,intro,Thank you for taking part.,
            ,select_one sex,sex,What is your sex?,yes
            ,integer,age,How old are you?,yes
            ,text,comment,Anything else?,
            ,integer,children,How many children?,
            choices,,,,
            ,list_name,name,label,
            ,sex,female,Female,
            ,sex,male,Male,
            settings,,,,
            ,form_id,,,
            ,household,,,
            """
        do { return try XLSFormCSV.read(csv, fileName: "household.csv", fallbackFormID: "household") }
        catch { fatalError("test form does not read: \(error)") }
    }()

    private func check(_ body: String) throws(SubmissionError) -> SubmissionPayload {
        try form.checkSubmission(json: Data(body.utf8))
    }

    private func problems(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> [SubmissionProblem] {
        do {
            let payload = try check(body)
            Issue.record("expected refusal, got \(payload)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func validSubmissionInQuestionnaireOrder() throws {
        let payload = try check(#"{"answers": {"comment": "All good", "age": 34, "sex": "female"}, "instance_id": "uuid:1"}"#)
        #expect(payload.instanceID == "uuid:1")
        #expect(payload.answers == [
            Answer(field: "sex", value: .choice("female")),
            Answer(field: "age", value: .integer(34)),
            Answer(field: "comment", value: .text("All good")),
        ])
    }

    @Test func integerAsStringOfDigitsNegativeAndUnicodeText() throws {
        let payload = try check(#"{"answers": {"sex": "male", "age": "42", "children": "-1", "comment": "Caf\u00e9 \ud83d\ude00"}}"#)
        #expect(payload.instanceID == nil)
        #expect(payload.answers == [
            Answer(field: "sex", value: .choice("male")),
            Answer(field: "age", value: .integer(42)),
            Answer(field: "comment", value: .text("Café 😀")),
            Answer(field: "children", value: .integer(-1)),
        ])
    }

    @Test func nullAndEmptyStringCountAsNotAnswered() throws {
        let payload = try check(#"{"instance_id": null, "answers": {"sex": "male", "age": 7, "comment": "", "children": null}}"#)
        #expect(payload.answers.map(\.field) == ["sex", "age"])
        #expect(payload.instanceID == nil)
    }

    @Test func missingRequiredAnswers() {
        let found = problems(#"{"answers": {"comment": "hi"}}"#)
        #expect(found.map(\.field) == ["sex", "age"])
        #expect(found.first?.message == "An answer is required for \"What is your sex?\".")
        // null and "" do not satisfy a required question either.
        #expect(problems(#"{"answers": {"sex": null, "age": ""}}"#).map(\.field) == ["sex", "age"])
    }

    @Test func unknownFieldNamesTheForm() {
        let found = problems(#"{"answers": {"sex": "male", "age": 3, "shoe_size": 42}}"#)
        #expect(found == [SubmissionProblem(field: "shoe_size", message: "This is not a question of form household.")])
    }

    @Test(arguments: [#""abc""#, "3.5", "true", "[1]", "1e3", #""4.0""#])
    func integerWrongType(value: String) {
        let found = problems(#"{"answers": {"sex": "male", "age": \#(value)}}"#)
        #expect(found.map(\.field) == ["age"])
        #expect(found.first?.message.hasPrefix("Expected a whole number, but got") == true)
    }

    @Test func integerTooLarge() {
        let found = problems(#"{"answers": {"sex": "male", "age": 99999999999999999999}}"#)
        #expect(found.map(\.field) == ["age"])
        #expect(found.first?.message.contains("too large") == true)
    }

    @Test func invalidChoiceListsTheAllowedNames() {
        let found = problems(#"{"answers": {"sex": "Female", "age": 30}}"#)
        #expect(found == [SubmissionProblem(field: "sex", message: "'Female' is not one of the choices. Allowed: female, male.")])
        let number = problems(#"{"answers": {"sex": 1, "age": 30}}"#)
        #expect(number.map(\.field) == ["sex"])
        #expect(number.first?.message.contains("female, male") == true)
    }

    @Test func textRefusesNumbers() {
        let found = problems(#"{"answers": {"sex": "male", "age": 30, "comment": 12}}"#)
        #expect(found == [SubmissionProblem(field: "comment", message: "Expected text, but got 12.")])
    }

    @Test func answeringANoteIsAnError() {
        let found = problems(#"{"answers": {"intro": "read it", "sex": "male", "age": 1}}"#)
        #expect(found.map(\.field) == ["intro"])
        #expect(found.first?.message.contains("note") == true)
    }

    @Test func allProblemsAreCollected() {
        let found = problems(#"{"answers": {"extra": 1, "age": "old", "sex": "x"}, "token": "t"}"#)
        #expect(Set(found.map(\.field)) == ["token", "extra", "age", "sex"])
        #expect(found.count == 4)
    }

    @Test func notJSONSaysRoughlyWhere() {
        let found = problems("{\"answers\": {\"sex\": \"male\",\n \"age\": }}")
        #expect(found.map(\.field) == ["body"])
        let message = found.first?.message ?? ""
        #expect(message.hasPrefix("The body must be a JSON object, but it is not valid JSON"))
        #expect(message.contains("line 2, column 9"))
    }

    @Test(arguments: ["", "answers=1", "{\"answers\": {}", "{\"answers\": {}} x", "{'answers': {}}"])
    func variousSyntaxErrors(body: String) {
        let found = problems(body)
        #expect(found.map(\.field) == ["body"])
        #expect(found.first?.message.contains("JSON object") == true)
    }

    @Test(arguments: ["[1, 2]", "\"answers\"", "42", "null"])
    func notAnObject(body: String) {
        let found = problems(body)
        #expect(found.map(\.field) == ["body"])
        #expect(found.first?.message.hasPrefix("The body must be a JSON object") == true)
    }

    @Test func noAnswersObject() {
        #expect(problems(#"{"instance_id": "x"}"#).map(\.field) == ["answers"])
        let notObject = problems(#"{"answers": ["male", 3]}"#)
        #expect(notObject.map(\.field) == ["answers"])
        #expect(notObject.first?.message.contains("a list") == true)
    }

    @Test func unknownTopLevelKeyAndBadInstanceID() {
        let found = problems(#"{"answers": {"sex": "male", "age": 3}, "sex": "male", "instance_id": 5}"#)
        #expect(found.map(\.field) == ["sex", "instance_id"])
    }

    @Test func duplicateAnswerKeys() {
        let found = problems(#"{"answers": {"sex": "male", "sex": "female", "age": 3}}"#)
        #expect(found.map(\.field) == ["sex"])
        #expect(found.first?.message.contains("more than once") == true)
    }

    @Test func checkedAnswersRoundTripForStorage() throws {
        let payload = try check(#"{"answers": {"sex": "female", "age": 34, "comment": "ok"}}"#)
        let data = try JSONEncoder().encode(payload.answers)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""integer":34"#))
        #expect(try JSONDecoder().decode([Answer].self, from: data) == payload.answers)
    }

    @Test func problemDescriptions() {
        let error = SubmissionError(problems: [
            SubmissionProblem(field: "age", message: "An answer is required."),
            SubmissionProblem(field: "sex", message: "Wrong."),
        ])
        #expect(error.description == "age: An answer is required.\nsex: Wrong.")
    }
}
