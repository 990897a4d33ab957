import Testing
@testable import Forms

@Suite("XLSFormReader: groups and repeats")
struct SectionTests {
    @Test func groupsAndRepeatsNest() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name      | label     |
        |        | begin group  | household | Household |
        |        | integer      | size      | Size      |
        |        | begin repeat | member    | Member    |
        |        | text         | name      | Name      |
        |        | begin_group  | health    | Health    |
        |        | integer      | visits    | Visits    |
        |        | end_group    |           |           |
        |        | end repeat   |           |           |
        |        | end group    |           |           |
        |        | note         | bye       | Thanks    |
        """))
        #expect(form.elements.map(\.name) == ["household", "bye"])
        let household = try #require(form.firstElement(named: "household"))
        #expect(household.type == .group)
        #expect(household.row == 2)
        #expect(household.endRow == 10)
        #expect(household.children.map(\.name) == ["size", "member"])
        let member = try #require(form.firstElement(named: "member"))
        #expect(member.type == .repeat)
        #expect(member.endRow == 9)
        #expect(member.children.map(\.name) == ["name", "health"])
        #expect(form.firstElement(named: "health")?.children.map(\.name) == ["visits"])
        #expect(form.walk().first { $0.element.name == "visits" }?.ancestors == ["household", "member", "health"])
    }

    @Test func anEndWithoutBeginIsRefusedAtItsRow() {
        let problems = formRefusal("""
        | survey |
        |        | type      | name | label |
        |        | text      | a    | A     |
        |        | end group |      |       |
        """)
        expectSingleProblem(problems, row: 3, column: "type", containing: "'end group' has no matching 'begin group'")
    }

    @Test func aBeginWithoutEndIsRefusedAtTheBeginRow() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name | label |
        |        | begin repeat | r    | R     |
        |        | text         | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "'begin repeat' for 'r' has no matching 'end repeat'")
    }

    @Test func endOfTheWrongKindIsRefusedAndNestingReportsBoth() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name | label |
        |        | begin repeat | r    | R     |
        |        | text         | a    | A     |
        |        | end group    |      |       |
        """)
        #expect(problems.map(\.row) == [2, 4])
        #expect(problems.last?.message.contains("'end group' has no matching 'begin group'") == true)
    }

    @Test func repeatWithoutLabelIsWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name | label |
        |        | begin repeat | r    |       |
        |        | text         | a    | A     |
        |        | end repeat   |      |       |
        """))
        #expect(form.warnings.count == 1)
        #expect(form.warnings.first?.row == 2)
        #expect(form.warnings.first?.message.contains("has no label") == true)
    }

    @Test func groupWithoutLabelIsFine() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type        | name | label |
        |        | begin group | g    |       |
        |        | text        | a    | A     |
        |        | end group   |      |       |
        """))
        #expect(form.warnings.isEmpty)
    }

    @Test func repeatNamesMustBeUniqueInTheWholeForm() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name | label |
        |        | begin repeat | r    | R     |
        |        | text         | a    | A     |
        |        | end repeat   |      |       |
        |        | begin group  | g    | G     |
        |        | begin repeat | r    | R     |
        |        | text         | b    | B     |
        |        | end repeat   |      |       |
        |        | end group    |      |       |
        """)
        expectSingleProblem(problems, row: 6, column: "name", containing: "already a repeat named 'r'")
    }

    @Test func repeatCannotShareTheRootName() {
        let problems = formRefusal("""
        | survey |
        |        | type         | name   | label |
        |        | begin repeat | people | R     |
        |        | text         | a      | A     |
        |        | end repeat   |        |       |
        | settings |
        |          | name   |
        |          | people |
        """)
        expectSingleProblem(problems, row: 2, column: "name", containing: "same name as the form's root element ('people')")
    }

    @Test func computedRepeatCountTakesAName() {
        let problems = formRefusal("""
        | survey |
        |        | type            | name     | label | repeat_count          |
        |        | select_multiple l | r_count | Q   |                       |
        |        | begin repeat    | r        | R     | count-selected(${r_count}) |
        |        | text            | a        | A     |                       |
        |        | end repeat      |          |       |                       |
        | choices |
        |         | list_name | name | label |
        |         | l         | c    | C     |
        """)
        expectSingleProblem(problems, row: 3, column: "repeat_count", containing: "'r_count'")
    }

    @Test func defaultOnAGroupIsIgnoredWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type        | name | label | default |
        |        | begin group | g    | G     | x       |
        |        | text        | a    | A     |         |
        |        | end group   |      |       |         |
        """))
        #expect(form.warnings.map(\.column) == ["default"])
    }

    @Test func tableListSelectsMustShareTheirList() {
        let problems = formRefusal("""
        | survey |
        |        | type          | name | label | appearance |
        |        | begin group   | g    | G     | table-list |
        |        | select_one yn | a    | A     |            |
        |        | select_one ab | b    | B     |            |
        |        | end group     |      |       |            |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        |         | ab        | a    | A     |
        """)
        expectSingleProblem(problems, row: 4, column: "type", containing: "must use the same list")
    }
}
