import Testing
@testable import Forms

@Suite("XLSFormReader: question types")
struct QuestionTypeTests {
    private func type(of typeText: String, label: String = "L") throws -> FormElementType? {
        let form = try readForm("""
        | survey |
        |        | type | name | label |
        |        | \(typeText) | q | \(label) |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        return form.firstElement(named: "q")?.type
    }

    @Test(arguments: [
        ("text", FormElementType.text), ("string", .text), ("add text prompt", .text), ("q string", .text),
        ("integer", .integer), ("int", .integer), ("q int", .integer), ("add integer prompt", .integer),
        ("decimal", .decimal), ("add decimal prompt", .decimal), ("range", .range),
        ("note", .note), ("acknowledge", .acknowledge), ("trigger", .trigger),
        ("geopoint", .geopoint), ("gps", .geopoint), ("location", .geopoint), ("geotrace", .geotrace), ("geoshape", .geoshape),
        ("date", .date), ("time", .time), ("dateTime", .dateTime), ("datetime", .dateTime), ("add date time prompt", .dateTime),
        ("image", .image), ("photo", .image), ("q picture", .image), ("add photo prompt", .image),
        ("audio", .audio), ("video", .video), ("file", .file), ("barcode", .barcode), ("q barcode", .barcode),
        ("hidden", .hidden), ("percentage", .integer), ("phone number", .text),
    ])
    func plainTypesAndTheirAliases(typeText: String, expected: FormElementType) throws {
        #expect(try type(of: typeText) == expected)
    }

    @Test(arguments: [
        ("start", FormMetadataKind.start), ("end", .end), ("today", .today), ("deviceid", .deviceid), ("imei", .deviceid),
        ("username", .username), ("uri:username", .username), ("phonenumber", .phonenumber), ("email", .email),
        ("start-geopoint", .startGeopoint), ("background-audio", .backgroundAudio),
    ])
    func metadataTypesNeedNoLabel(typeText: String, kind: FormMetadataKind) throws {
        #expect(try type(of: typeText, label: "") == .metadata(kind))
    }

    @Test(arguments: [
        ("select_one yn", FormElementType.selectOne(list: "yn", orOther: false)),
        ("select one yn", .selectOne(list: "yn", orOther: false)),
        ("select1 yn", .selectOne(list: "yn", orOther: false)),
        ("select one from yn", .selectOne(list: "yn", orOther: false)),
        ("add select one prompt using yn", .selectOne(list: "yn", orOther: false)),
        ("select_multiple yn", .selectMultiple(list: "yn", orOther: false)),
        ("select all that apply yn", .selectMultiple(list: "yn", orOther: false)),
        ("select_one yn or_other", .selectOne(list: "yn", orOther: true)),
        ("select_multiple yn or specify other", .selectMultiple(list: "yn", orOther: true)),
        ("rank yn", .rank(list: "yn")),
        ("select_one_from_file places.csv", .selectOneFromFile(file: "places.csv")),
        ("select one from file places.xml", .selectOneFromFile(file: "places.xml")),
        ("select_multiple_from_file zones.geojson", .selectMultipleFromFile(file: "zones.geojson")),
        ("select_one places.csv", .selectOneFromFile(file: "places.csv")),
    ])
    func selectSpellings(typeText: String, expected: FormElementType) throws {
        #expect(try type(of: typeText) == expected)
    }

    @Test func typeTextKeepsWhatWasWritten() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type            | name | label |
        |        | add text prompt | a    | A     |
        """))
        #expect(form.firstElement(named: "a")?.typeText == "add text prompt")
    }

    @Test func unknownTypeIsRefusedAtItsRow() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | text | a    | A     |
        |        | txet | b    | B     |
        """)
        expectSingleProblem(problems, row: 3, column: "type", containing: "unknown question type 'txet'")
    }

    @Test func typesAreCaseSensitiveAsInPyxform() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | Text | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "unknown question type 'Text'")
    }

    @Test func selectWithoutListNameIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type       | name | label |
        |        | select_one | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "needs the name of a choice list")
    }

    @Test func rankNeedsAList() {
        let problems = formRefusal("""
        | survey |
        |        | type | name | label |
        |        | rank | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "'rank' needs the name of a choice list")
    }

    @Test func selectFromFileNeedsAKnownExtension() {
        let problems = formRefusal("""
        | survey |
        |        | type                       | name | label |
        |        | select_one_from_file a.txt | a    | A     |
        """)
        #expect(problems.first?.row == 2)
        #expect(problems.first?.column == "type")
        #expect(problems.first?.message.contains("must end with .csv, .xml or .geojson") == true)
    }

    @Test func selectFromFileWithTwoExtensionsIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type                           | name | label |
        |        | select_one_from_file a.b.csv   | a    | A     |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "'a.b.csv' must end with .csv, .xml or .geojson")
    }

    @Test func selectOneExternalReadsTheExternalChoicesSheet() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                     | name | label | choice_filter |
        |        | text                     | st   | State |               |
        |        | select_one_external city | c    | City  | state=${st}   |
        | external_choices |
        |                  | list_name | name | label  | state |
        |                  | city      | x    | Xville | n     |
        """))
        #expect(form.firstElement(named: "c")?.type == .selectOneExternal(list: "city"))
        #expect(form.externalChoiceLists.first?.name == "city")
        #expect(form.externalChoiceLists.first?.choices.first?.extraColumns == [FormAttribute(name: "state", value: "n")])
        #expect(form.choiceLists.isEmpty)
    }

    @Test func selectOneExternalWithoutItsSheetIsRefused() {
        let problems = formRefusal("""
        | survey |
        |        | type                     | name | label | choice_filter |
        |        | select_one_external city | c    | City  | state=1       |
        """)
        expectSingleProblem(problems, row: 2, column: "type", containing: "needs an external_choices sheet")
    }

    @Test func selectOneExternalWithoutFilterIsRefusedUnlessTheListIsAlsoAChoiceList() throws {
        let problems = formRefusal("""
        | survey |
        |        | type                     | name | label |
        |        | select_one_external city | c    | City  |
        | external_choices |
        |                  | list_name | name |
        |                  | city      | x    |
        """)
        expectSingleProblem(problems, row: 2, column: "choice_filter", containing: "needs a choice_filter")
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                     | name | label |
        |        | select_one_external city | c    | City  |
        | choices |
        |         | list_name | name | label |
        |         | city      | x    | X     |
        | external_choices |
        |                  | list_name | name |
        |                  | city      | x    |
        """))
        #expect(form.warnings.map(\.row) == [2])
        #expect(form.warnings.first?.message.contains("choice_filter") == true)
    }

    @Test func orOtherCannotBeCombinedWithAChoiceFilter() {
        let problems = formRefusal("""
        | survey |
        |        | type                   | name | label | choice_filter |
        |        | select_one yn or_other | a    | A     | name != 'x'   |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        expectSingleProblem(problems, row: 2, column: "choice_filter", containing: "or_other cannot be combined")
    }

    @Test func unsupportedLegacyTypesAreRefusedClearly() {
        let problems = formRefusal("""
        | survey |
        |        | type              | name | label |
        |        | osm               | o    | O     |
        |        | begin loop over yn | l   | L     |
        |        | text              | a    | A     |
        |        | end loop          |      |       |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
        #expect(problems.map(\.row) == [2, 3])
        #expect(problems.allSatisfy { $0.message.contains("not supported") })
    }

    @Test func calculateNeedsACalculation() {
        let problems = formRefusal("""
        | survey |
        |        | type      | name | label | calculation |
        |        | calculate | c    |       |             |
        """)
        expectSingleProblem(problems, row: 2, column: "calculation", containing: "needs a calculation")
    }

    @Test func calculateWithAnExpressionDefaultNeedsNoCalculation() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type      | name | label | default |
        |        | calculate | c    |       | today() |
        """))
        #expect(form.firstElement(named: "c")?.defaultValue == "today()")
    }

    @Test func deprecatedDeviceFieldsAreWarnedAbout() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type         | name | label |
        |        | simserial    | s    |       |
        """))
        #expect(form.firstElement(named: "s")?.type == .metadata(.simserial))
        #expect(form.warnings.first?.row == 2)
        #expect(form.warnings.first?.column == "type")
    }

    @Test func auditIsNamedAuditAndRefusesOtherNames() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type  | name | label |
        |        | audit |      |       |
        """))
        #expect(form.elements.first?.name == "audit")
        #expect(form.elements.first?.type == .metadata(.audit))
        let problems = formRefusal("""
        | survey |
        |        | type  | name   | label |
        |        | audit | tracks |       |
        """)
        expectSingleProblem(problems, row: 2, column: "name", containing: "always named 'audit'")
    }
}
