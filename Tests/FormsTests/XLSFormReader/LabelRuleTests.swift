import Testing
@testable import Forms

@Suite("XLSFormReader: labels")
struct LabelRuleTests {
    @Test(arguments: ["text", "note", "acknowledge", "trigger", "integer", "select_one yn"])
    func questionsPeopleSeeNeedALabel(type: String) {
        let problems = formRefusal("""
        | survey |
        |        | type    | name | label |
        |        | \(type) | q    |       |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, row: 2, column: "label", containing: "needs a label")
    }

    @Test func aHintOrMediaIsEnoughButAGuidanceHintIsNot() {
        #expect(acceptedForm("""
        | survey |
        |        | type | name | hint        | image |
        |        | text | a    | Say why     |       |
        |        | note | b    |             | b.png |
        """) != nil)
        let problems = formRefusal("""
        | survey |
        |        | type | name | guidance_hint |
        |        | text | a    | For trainers  |
        """)
        expectSingleProblem(problems, row: 2, column: "label", containing: "needs a label")
    }

    @Test func computedAndDeviceFilledElementsNeedNoLabel() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type             | name | label | calculation |
        |        | calculate        | c    |       | 1 + 1       |
        |        | hidden           | h    |       |             |
        |        | integer          | i    |       | 2           |
        |        | start            | s    |       |             |
        |        | background-audio | ba   |       |             |
        |        | xml-external     | ext  |       |             |
        |        | begin group      | g    |       |             |
        |        | text             | t    | T     |             |
        |        | end group        |      |       |             |
        """))
        #expect(form.elements.count == 7)
    }

    @Test func bigImageNeedsAnImage() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label | big-image |
        |        | note | n    | Look  | map.png   |
        """)
        expectSingleProblem(problems, row: 2, column: "big-image", containing: "also needs an image")
    }
}
