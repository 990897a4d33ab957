import Testing
@testable import Forms

@Suite("XLSFormReader: building blocks")
struct ReaderHelperTests {
    @Test func variableReferencesAreFoundWithTheirPositions() throws {
        let references = try VariableReference.scan("${a} + ${last-saved#b} - '${}'")
        #expect(references == [
            VariableReference(name: "a", lastSaved: false, position: 1),
            VariableReference(name: "b", lastSaved: true, position: 8),
        ])
        #expect(throws: VariableReference.Malformed(position: 3)) { try VariableReference.scan("x ${a b}") }
        #expect(throws: VariableReference.Malformed(position: 1)) { try VariableReference.scan("${unclosed") }
        #expect(VariableReference.whole("${q}")?.name == "q")
        #expect(VariableReference.whole("${q} + 1") == nil)
    }

    @Test func parameterListsFollowPyxformsGrammar() throws {
        #expect(try ParameterList.parse("start=1 end = 10, step=2;") == [
            FormAttribute(name: "start", value: "1"), FormAttribute(name: "end", value: "10"), FormAttribute(name: "step", value: "2"),
        ])
        #expect(try ParameterList.parse("a=1 a=2") == [FormAttribute(name: "a", value: "2")])
        #expect(throws: ParameterList.SyntaxError.self) { try ParameterList.parse("start=1 end") }
        #expect(throws: ParameterList.SyntaxError.self) { try ParameterList.parse("a==1") }
        #expect(throws: ParameterList.SyntaxError.self) { try ParameterList.parse("a=1=2") }
    }

    @Test func dynamicDefaultsAreTellApartFromValues() {
        #expect(DynamicDefault.isDynamic("today()", typeName: "date"))
        #expect(DynamicDefault.isDynamic("${a} * 2", typeName: "integer"))
        #expect(DynamicDefault.isDynamic("5 div 2", typeName: "decimal"))
        #expect(DynamicDefault.isDynamic("a | b", typeName: "text"))
        #expect(!DynamicDefault.isDynamic("2024-01-31", typeName: "date"))
        #expect(!DynamicDefault.isDynamic("-1.5", typeName: "decimal"))
        #expect(!DynamicDefault.isDynamic("yes-no", typeName: "text"))
        #expect(!DynamicDefault.isDynamic("12 34 5 6", typeName: "geopoint"))
        // As in pyxform: tokens are read in order, so a function call decides before the hyphen,
        // and a hyphen in a date decides "not dynamic" before a later reference.
        #expect(DynamicDefault.isDynamic("today() - 1", typeName: "date"))
        #expect(!DynamicDefault.isDynamic("1 - ${a}", typeName: "date"))
        #expect(!DynamicDefault.isDynamic("5-1", typeName: "integer"))
        #expect(!DynamicDefault.isDynamic("'a + b'", typeName: "text"))
    }

    @Test func xmlNamesFollowNCNameWithOnePrefix() {
        #expect(XMLName.isValid("_a1.b-c"))
        #expect(XMLName.isValid("odk:tag"))
        #expect(XMLName.isValid("Ñandú"))
        #expect(!XMLName.isValid("a:b:c"))
        #expect(!XMLName.isValid(":a"))
        #expect(!XMLName.isValid("9a"))
        #expect(!XMLName.isValid("a b"))
        #expect(!XMLName.isValid(""))
    }

    @Test func headersResolveToKeyPaths() {
        let survey = SheetVocabulary.survey
        #expect(survey.keyPath(of: "Label", useDoubleColon: false) == ["label"])
        #expect(survey.keyPath(of: "label::Français (fr)", useDoubleColon: true) == ["label", "Français (fr)"])
        #expect(survey.keyPath(of: "image::fr", useDoubleColon: true) == ["media", "image", "fr"])
        #expect(survey.keyPath(of: "media::audio", useDoubleColon: true) == ["media", "audio"])
        #expect(survey.keyPath(of: "jr:count", useDoubleColon: false) == ["control", "jr:count"])
        #expect(survey.keyPath(of: "bind::jr:constraintMsg", useDoubleColon: true) == ["bind", "jr:constraintMsg"])
        #expect(survey.keyPath(of: "body::intent", useDoubleColon: true) == ["control", "intent"])
        #expect(survey.keyPath(of: "Required Message", useDoubleColon: false) == ["bind", "jr:requiredMsg"])
        #expect(survey.keyPath(of: "Other Notes", useDoubleColon: false) == ["Other Notes"])
        #expect(SheetVocabulary.choices.keyPath(of: "list name", useDoubleColon: false) == ["list name"])
        #expect(SheetVocabulary.settings.keyPath(of: "form_id", useDoubleColon: false) == ["id_string"])
    }

    @Test func typeCellsAreReadWithPyxformsPatterns() {
        #expect(TypeCell("begin group") == .begin(.group))
        #expect(TypeCell("begin_repeat") == .begin(.repeat))
        #expect(TypeCell("begin looped group") == .begin(.repeat))
        #expect(TypeCell("end_group") == .end(.group))
        #expect(TypeCell("begin Group") == .plain("begin Group"))
        #expect(TypeCell("end group now") == .plain("end group now"))
        #expect(TypeCell("form_id") == .setting("form_id"))
        #expect(TypeCell("select_one") == .selectWithoutList("select_one"))
        #expect(TypeCell("select_one yn maybe") == .plain("select_one yn maybe"))
        if case .select(let command, let list, let orOther) = TypeCell("select one from file a.csv or other") {
            #expect(command.fromFile)
            #expect(list == "a.csv")
            #expect(orOther)
        } else {
            Issue.record("not read as a select")
        }
    }

    @Test func sheetNameLookalikesAreWithinTwoEdits() {
        #expect(SheetNameSpelling.distance("setting", "settings") == 1)
        #expect(SheetNameSpelling.lookalikes(of: "settings", in: ["survey", "Setings", "_setting", "notes"]) == ["Setings"])
    }
}
