import Foundation
import Forms
import Testing

@Suite("Flattening a submission against its form")
struct InstanceFlattenerTests {
    static let form = FormDefinition(
        settings: FormSettings(formID: "survey", version: "1"),
        elements: [
            FormElement(name: "name", type: .text, label: LocalizedText(plain: "Name"), required: "yes"),
            FormElement(name: "age", type: .integer, required: "yes"),
            FormElement(name: "height", type: .decimal),
            FormElement(name: "born", type: .date),
            FormElement(name: "at", type: .time),
            FormElement(name: "seen", type: .dateTime),
            FormElement(name: "where", type: .geopoint),
            FormElement(name: "sex", type: .selectOne(list: "sex", orOther: false)),
            FormElement(name: "langs", type: .selectMultiple(list: "langs", orOther: true)),
            FormElement(name: "phone", type: .text, required: "yes", relevant: "${age} > 12"),
            FormElement(name: "place", type: .group, children: [
                FormElement(name: "town", type: .text, requiredMessage: LocalizedText(plain: "Say which town."), required: "true()"),
            ]),
            FormElement(name: "member", type: .repeat, children: [
                FormElement(name: "first", type: .text),
                FormElement(name: "pet", type: .repeat, children: [FormElement(name: "kind", type: .text)]),
            ]),
            FormElement(name: "photo", type: .image),
        ],
        choiceLists: [
            FormChoiceList(name: "sex", choices: [FormChoice(name: "female"), FormChoice(name: "male")]),
            FormChoiceList(name: "langs", choices: [FormChoice(name: "en"), FormChoice(name: "sw")]),
        ])

    static func flatten(_ body: String, rules: (any InstanceRules)? = nil) throws -> FlattenedInstance {
        let xml = #"<data id="survey" version="1">"# + body + "<meta><instanceID>uuid:1</instanceID></meta></data>"
        return InstanceFlattener(form: form, rules: rules).flatten(try SubmittedInstance.parse(Data(xml.utf8)))
    }

    @Test("valid answers become typed rows in document order, with numbers for int and decimal")
    func typedValues() throws {
        let result = try Self.flatten("""
            <name>Ana</name><age>41</age><height>1.62</height><born>1983-02-28</born><at>09:30:00.000+03:00</at>\
            <seen>2024-11-05T09:40:00Z</seen><where>-1.3 36.8 1695 5</where><sex>female</sex><langs>en sw other</langs>\
            <langs_other>Luo</langs_other><place><town>Kisumu</town></place><photo>p.jpg</photo>
            """)
        #expect(result.findings == [])
        #expect(result.values.map(\.path) == ["/data/name", "/data/age", "/data/height", "/data/born", "/data/at", "/data/seen", "/data/where",
                                              "/data/sex", "/data/langs", "/data/langs_other", "/data/place/town", "/data/photo",
                                              "/data/meta/instanceID"])
        #expect(result.values.map(\.type) == [.string, .int, .decimal, .date, .time, .dateTime, .geopoint, .select1, .select, .string,
                                              .string, .binary, .string])
        #expect(result.values[1].number == 41)
        #expect(result.values[2].number == 1.62)
        #expect(result.values[0].number == nil)
        #expect(result.values.allSatisfy { $0.record == "/data" && $0.parentPosition == nil })
        #expect(result.values.map(\.position) == Array(0..<13))
        #expect(result.attachmentNames == ["p.jpg"])
    }

    @Test("repeats become rows of their own, linked to their parent, with index chains")
    func repeats() throws {
        let result = try Self.flatten("""
            <name>A</name><age>1</age><place><town>T</town></place>\
            <member><first>Ana</first><pet><kind>cat</kind></pet><pet><kind>dog</kind></pet></member>\
            <member><first>Ben</first></member>
            """)
        #expect(result.findings == [])
        let rows = result.values.filter { $0.path.hasPrefix("/data/member") }
        #expect(rows.map(\.record) == ["/data/member[1]", "/data/member[1]", "/data/member[1]/pet[1]", "/data/member[1]/pet[1]",
                                       "/data/member[1]/pet[2]", "/data/member[1]/pet[2]", "/data/member[2]", "/data/member[2]"])
        #expect(rows.map(\.type) == [.repeat, .string, .repeat, .string, .repeat, .string, .repeat, .string])
        let member1 = try #require(rows.first)
        let pet2 = rows[4]
        #expect(member1.parentPosition == nil)
        #expect(rows[1].parentPosition == member1.position)
        #expect(pet2.parentPosition == member1.position)
        #expect(rows[5].parentPosition == pet2.position)
        #expect(rows[5].text == "dog")
        #expect(rows[7].parentPosition == rows[6].position)
    }

    @Test("wrong types, unknown choices and missing required answers are findings; the data is kept")
    func findings() throws {
        let result = try Self.flatten("""
            <name></name><age>forty</age><height>1,62</height><born>2023-02-29</born><at>25:00:00</at><seen>2024-11-05</seen>\
            <where>100 36.8</where><sex>other</sex><langs>en fr</langs><place><town/></place>
            """)
        let byPath = Dictionary(grouping: result.findings, by: \.path)
        #expect(byPath["/data/name"]?.first?.kind == .requiredMissing)
        #expect(byPath["/data/name"]?.first?.message == "An answer is required for \"Name\".")
        #expect(byPath["/data/age"]?.first?.kind == .invalidValue)
        #expect(byPath["/data/age"]?.first?.message.contains("'forty'") == true)
        #expect(byPath["/data/height"]?.first?.kind == .invalidValue)
        #expect(byPath["/data/born"]?.first?.kind == .invalidValue, "2023 is not a leap year")
        #expect(byPath["/data/at"]?.first?.kind == .invalidValue)
        #expect(byPath["/data/seen"]?.first?.kind == .invalidValue)
        #expect(byPath["/data/where"]?.first?.message.contains("latitude") == true)
        #expect(byPath["/data/sex"]?.first?.kind == .unknownChoice)
        #expect(byPath["/data/langs"]?.map(\.message) == ["'fr' is not a choice of the list 'langs'."])
        #expect(byPath["/data/place/town"]?.first?.message == "Say which town.")
        // The wrong values are still stored, without a number.
        let age = try #require(result.values.first { $0.path == "/data/age" })
        #expect(age.text == "forty" && age.number == nil && age.type == .int)
        #expect(result.values.contains { $0.path == "/data/sex" && $0.text == "other" })
        // A relevant-dependent question that is missing was skipped, not forgotten.
        #expect(byPath["/data/phone"] == nil)
    }

    @Test("a required node missing altogether is a finding; nodes the form does not know are kept and flagged")
    func unknownAndMissing() throws {
        let result = try Self.flatten("<name>A</name><place><town>T</town></place><extra><deep>1</deep><deep>2</deep></extra><name>B</name>")
        #expect(result.findings.contains(InstanceFinding(path: "/data/age", kind: .requiredMissing,
                                                         message: "An answer is required for 'age'. (the node is missing from the submission)")))
        #expect(result.findings.contains { $0.path == "/data/extra" && $0.kind == .unknownNode })
        #expect(result.findings.contains { $0.path == "/data/name[2]" && $0.kind == .repeatedNode })
        #expect(result.values.filter { $0.path == "/data/extra/deep" }.map(\.text) == ["1", "2"])
        #expect(result.values.filter { $0.path == "/data/extra/deep" }.allSatisfy { $0.type == .unknown })
        #expect(result.values.filter { $0.path == "/data/name" }.map(\.text) == ["A", "B"])
    }

    @Test("a root element other than the form's, and a missing instance ID, are metadata findings")
    func rootAndInstanceID() throws {
        let xml = #"<survey id="survey" version="1"><name>A</name><age>3</age><place><town>T</town></place></survey>"#
        let result = InstanceFlattener(form: Self.form).flatten(try SubmittedInstance.parse(Data(xml.utf8)))
        #expect(result.findings.map(\.kind) == [InstanceFinding.Kind.metadata, .metadata])
        #expect(result.findings.first?.message.contains("<survey>") == true)
        #expect(result.values.first?.path == "/survey/name")
    }

    /// Stands in for the expression evaluator: a constraint "false" fails, "true" holds, anything else is undecided.
    struct LiteralRules: InstanceRules {
        func holds(_ expression: String, at path: String, of element: FormElement, in instance: SubmittedInstance) -> Bool? {
            switch expression {
            case "false": false
            case "true": true
            default: nil
            }
        }
    }

    @Test("constraints and required expressions are checked through the rules extension point")
    func rules() throws {
        let form = FormDefinition(settings: FormSettings(formID: "r"), elements: [
            FormElement(name: "a", type: .integer, constraintMessage: LocalizedText(plain: "Too big."), constraint: "false"),
            FormElement(name: "b", type: .integer, constraint: "true"),
            FormElement(name: "c", type: .integer, constraint: ". < 3"),
            FormElement(name: "d", type: .text, required: "true"),
            FormElement(name: "e", type: .text, required: "${a} > 1"),
        ])
        let instance = try SubmittedInstance.parse(Data(#"<data id="r"><a>9</a><b>1</b><c>7</c><d/><e/><meta><instanceID>x</instanceID></meta></data>"#.utf8))
        let checked = InstanceFlattener(form: form, rules: LiteralRules()).flatten(instance)
        #expect(checked.findings.map(\.path) == ["/data/a", "/data/d"])
        #expect(checked.findings.first?.message == "The answer '9' to 'a' does not meet its constraint false; the form says: \"Too big.\"")
        let unchecked = InstanceFlattener(form: form).flatten(instance)
        #expect(unchecked.findings.map(\.path) == ["/data/d"], "without an evaluator, only what needs no expression is checked")
    }
}

@Suite("From typed values to the answers indicators read")
struct InstanceAnswersTests {
    @Test("top-level values of the questionnaire's questions become answers when valid; the rest stay typed values only")
    func answers() throws {
        let questionnaire = Questionnaire(
            formID: "survey", title: "S", version: "1",
            questions: [Question(name: "name", type: .text, label: "Name"), Question(name: "age", type: .integer, label: "Age"),
                        Question(name: "sex", type: .selectOne(list: "sex"), label: "Sex"), Question(name: "town", type: .text, label: "Town"),
                        Question(name: "height", type: .integer, label: "Height")],
            choiceLists: [ChoiceList(name: "sex", choices: [Choice(name: "female", label: "Female")])])
        let result = try InstanceFlattenerTests.flatten(
            "<name>Ana</name><age>41</age><height>1.5</height><sex>female</sex><place><town>Kisumu</town></place><member><first>X</first></member>")
        #expect(questionnaire.answers(from: result.values) == [
            Answer(field: "name", value: .text("Ana")), Answer(field: "age", value: .integer(41)), Answer(field: "sex", value: .choice("female")),
        ])
        let wrong = try InstanceFlattenerTests.flatten("<name>A</name><age>x</age><sex>male</sex>")
        #expect(questionnaire.answers(from: wrong.values) == [Answer(field: "name", value: .text("A"))])
    }
}

@Suite("Encrypted submissions")
struct EncryptedInstanceTests {
    @Test("an encrypted envelope is kept without values, with one finding, and expects its encrypted files as attachments")
    func envelope() throws {
        let xml = """
        <data id="survey" version="1" encrypted="yes" xmlns="http://www.opendatakit.org/xforms/encrypted">\
        <base64EncryptedKey>AAAA</base64EncryptedKey><orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:e</orx:instanceID></orx:meta>\
        <media><file>photo.jpg.enc</file></media><encryptedXmlFile>submission.xml.enc</encryptedXmlFile>\
        <base64EncryptedElementSignature>BBBB</base64EncryptedElementSignature></data>
        """
        let instance = try SubmittedInstance.parse(Data(xml.utf8))
        #expect(instance.isEncrypted)
        #expect(instance.instanceID == "uuid:e")
        let result = InstanceFlattener(form: InstanceFlattenerTests.form).flatten(instance)
        #expect(result.values.isEmpty)
        #expect(result.findings.map(\.kind) == [InstanceFinding.Kind.metadata])
        #expect(result.attachmentNames == ["submission.xml.enc", "photo.jpg.enc"])
    }
}
