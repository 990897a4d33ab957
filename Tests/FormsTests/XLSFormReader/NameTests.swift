import Testing
@testable import Forms

@Suite("XLSFormReader: names")
struct NameTests {
    @Test func namesMustBeXMLNames() {
        let problems = formRefusal("""
        | survey |
        |        | type | name     | label |
        |        | text | 1st      | A     |
        |        | text | has space | B    |
        |        | text | ok_name  | C     |
        """)
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.allSatisfy { $0.column == "name" && $0.message.contains("is not a valid name") })
    }

    @Test func unicodeLettersDotsHyphensAndAPrefixAreValid() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name      | label |
        |        | text | émile     | A     |
        |        | text | Édith     | B     |
        |        | text | a.b-c_d   | C     |
        |        | text | odk:x     | D     |
        """))
        #expect(form.elements.map(\.name) == ["émile", "Édith", "a.b-c_d", "odk:x"])
    }

    @Test func duplicateNamesInOneGroupAreRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        |        | text | a    | A2    |
        """)
        expectSingleProblem(problems, row: 3, column: "name", containing: "'a' is already used in the same group")
    }

    @Test func theSameNameInDifferentGroupsIsAllowed() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type        | name | label |
        |        | text        | a    | A     |
        |        | begin group | g    | G     |
        |        | text        | a    | A     |
        |        | end group   |      |       |
        """))
        #expect(form.firstElement(named: "g")?.children.map(\.name) == ["a"])
    }

    @Test func namesDifferingOnlyByCaseAreWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | text | age  | A     |
        |        | text | Age  | B     |
        """))
        #expect(form.warnings.count == 1)
        #expect(form.warnings.first?.row == 3)
        #expect(form.warnings.first?.column == "name")
        #expect(form.warnings.first?.message.contains("differs only in upper/lower case") == true)
    }

    @Test func metaIsReserved() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | meta | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "name", containing: "'meta' is reserved")
    }

    @Test func aRowWithoutNameIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type        | name | label |
        |        | text        |      | A     |
        |        | begin group |      | G     |
        |        | end group   |      |       |
        """)
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.allSatisfy { $0.column == "name" && $0.message.contains("has no name") })
    }

    @Test func notesWithoutNameGetOneAsInPyxform() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label |
        |        | note |      | Hello |
        """))
        #expect(form.elements.first?.name == "generated_note_name_2")
    }

    @Test func aRowWithoutTypeIsRefusedButACommentRowIsSkipped() throws {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label | hint    |
        |        |      | a    | A     |         |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "has no type")
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label | hint         |
        |        | text | a    | A     |              |
        |        |      |      |       | just a note  |
        """))
        #expect(form.elements.count == 1)
        #expect(form.warnings.map(\.row) == [3])
    }

    @Test func disabledRowsAreSkippedWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type | name | label | disabled |
        |        | text | a    | A     | yes      |
        |        | text | b    | B     | no       |
        """))
        #expect(form.elements.map(\.name) == ["b"])
        #expect(form.warnings.map(\.row) == [2, 3])
    }
}
