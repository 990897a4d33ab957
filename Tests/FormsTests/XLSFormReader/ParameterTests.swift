import Testing
@testable import Forms

@Suite("XLSFormReader: parameters")
struct ParameterTests {
    private func problems(_ type: String, _ parameters: String, name: String = "q") -> [FormProblem] {
        formRefusal("""
        | survey |
        |        | type | name | label | parameters |
        |        | \(type) | \(name) | Q   | \(parameters) |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """)
    }

    @Test func parametersAreSplitAndLowerCased() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                        | name | label | parameters                            |
        |        | select_one_from_file a.csv  | q    | Q     | Randomize=TRUE, seed=3; value=ID label=Name |
        """))
        #expect(form.firstElement(named: "q")?.parameters == [
            FormAttribute(name: "randomize", value: "true"), FormAttribute(name: "seed", value: "3"),
            FormAttribute(name: "value", value: "ID"), FormAttribute(name: "label", value: "Name"),
        ])
    }

    @Test func parametersMustBeNameValuePairs() {
        expectSingleProblem(problems("text", "rows"), row: 2, column: "parameters", containing: "name=value pairs")
    }

    @Test func unknownParameterNamesAreRefusedPerType() {
        expectSingleProblem(problems("text", "rows=3 colour=red"), row: 2, column: "parameters",
                     containing: "do not take the parameter(s) 'colour'")
        expectSingleProblem(problems("select_one yn", "value=x"), row: 2, column: "parameters",
                     containing: "do not take the parameter(s) 'value'")
    }

    @Test func textRowsMustBeWhole() {
        expectSingleProblem(problems("text", "rows=2.5"), row: 2, column: "parameters", containing: "'rows' must be a whole number")
    }

    @Test func imageMaxPixelsMustBeWholeAndIsRecommended() throws {
        expectSingleProblem(problems("image", "max-pixels=large"), row: 2, column: "parameters", containing: "'max-pixels' must be a whole number")
        let form = try #require(acceptedForm("""
        | survey |
        |        | type  | name | label |
        |        | image | p    | P     |
        """))
        #expect(form.warnings.map(\.row) == [2])
        #expect(form.warnings.first?.message.contains("max-pixels") == true)
    }

    @Test func imageAppMustBeAnAndroidPackage() {
        expectSingleProblem(problems("image", "max-pixels=800 app=camera"), row: 2, column: "parameters",
                     containing: "not a valid Android package name")
    }

    @Test func audioQualityIsOneOfAFewWords() {
        expectSingleProblem(problems("audio", "quality=high"), row: 2, column: "parameters", containing: "'quality' must be one of")
        expectSingleProblem(problems("background-audio", "quality=external"), row: 2, column: "parameters", containing: "voice-only, low, normal,")
    }

    @Test func geoParametersAreChecked() {
        expectSingleProblem(problems("geopoint", "capture-accuracy=close"), row: 2, column: "parameters", containing: "'capture-accuracy' must be a number")
        expectSingleProblem(problems("geotrace", "incremental=false"), row: 2, column: "parameters", containing: "'incremental' can only be true")
        expectSingleProblem(problems("geoshape", "allow-mock-accuracy=maybe"), row: 2, column: "parameters", containing: "'allow-mock-accuracy' must be true or false")
        expectSingleProblem(problems("geotrace", "reference-geometry=nowhere"), row: 2, column: "parameters", containing: "reference-geometry must be the name of a choice list")
    }

    @Test func referenceGeometryMayNameAListAFileOrARepeat() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type                       | name | label | parameters                   |
        |        | select_one_from_file a.csv | f    | F     |                              |
        |        | begin repeat               | r    | R     |                              |
        |        | geopoint                   | p    | P     |                              |
        |        | end repeat                 |      |       |                              |
        |        | geotrace                   | t1   | T1    | reference-geometry=yn        |
        |        | geotrace                   | t2   | T2    | reference-geometry=a         |
        |        | geoshape                   | t3   | T3    | reference-geometry=${r}      |
        | choices |
        |         | list_name | name | label |
        |         | yn        | y    | Yes   |
        """))
        #expect(form.firstElement(named: "t3")?.parameters == [FormAttribute(name: "reference-geometry", value: "${r}")])
    }

    @Test func randomizeAndSeed() {
        expectSingleProblem(problems("select_one yn", "randomize=sometimes"), row: 2, column: "parameters", containing: "'randomize' must be true or false")
        expectSingleProblem(problems("select_one yn", "seed=4"), row: 2, column: "parameters", containing: "only works together with randomize=true")
        expectSingleProblem(problems("select_one yn", "randomize=true seed=abc"), row: 2, column: "parameters", containing: "'seed' must be a number or a reference")
    }

    @Test func selectFromFileValueAndLabelMustBeNames() {
        expectSingleProblem(problems("select_one_from_file a.csv", "value=1st"), row: 2, column: "parameters", containing: "'value' names a column of the file")
    }

    @Test func auditLocationParametersComeTogether() throws {
        expectSingleProblem(problems("audit", "location-priority=balanced", name: ""), row: 2, column: "parameters", containing: "give all three parameters")
        expectSingleProblem(problems("audit", "location-priority=fast location-min-interval=1 location-max-age=2", name: ""),
                     row: 2, column: "parameters", containing: "'location-priority' must be")
        expectSingleProblem(problems("audit", "location-priority=balanced location-min-interval=60 location-max-age=10", name: ""),
                     row: 2, column: "parameters", containing: "must be at least 'location-min-interval'")
        expectSingleProblem(problems("audit", "location-priority=balanced location-min-interval=x location-max-age=10", name: ""),
                     row: 2, column: "parameters", containing: "'location-min-interval' must be a whole number")
        expectSingleProblem(problems("audit", "track-changes=often", name: ""), row: 2, column: "parameters", containing: "'track-changes' must be true or false")
        expectSingleProblem(problems("audit", "track-changes-reasons=always", name: ""), row: 2, column: "parameters", containing: "on-form-edit")
        let form = try #require(acceptedForm("""
        | survey |
        |        | type  | name | label | parameters |
        |        | audit |      |       | location-priority=high-accuracy location-min-interval=10 location-max-age=60 identify-user=true |
        """))
        #expect(form.elements.first?.parameters.count == 4)
    }

    @Test func parametersOnTypesThatTakeNoneAreIgnoredWithAWarning() throws {
        let form = try #require(acceptedForm("""
        | survey |
        |        | type    | name | label | parameters |
        |        | integer | n    | N     | step=2     |
        """))
        #expect(form.warnings.map(\.column) == ["parameters"])
    }
}
