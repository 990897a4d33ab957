import Foundation
import Forms
import Testing

@Suite("Constraints, relevance and required expressions checked on the server")
struct ExpressionInstanceRulesTests {
    /// 2024-06-15T12:00:00Z, the clock the rules are given.
    static let now = Date(timeIntervalSince1970: 1_718_452_800)

    static let form = FormDefinition(
        settings: FormSettings(formID: "household", version: "3"),
        elements: [
            FormElement(name: "age", type: .integer, constraintMessage: LocalizedText(plain: "Only adults answer this survey."),
                        constraint: "${age} >= 18", row: 2),
            FormElement(name: "consent", type: .selectOne(list: "yes_no", orOther: false), row: 3),
            FormElement(name: "reason", type: .text, relevant: "selected(${consent}, 'no')", row: 4),
            FormElement(name: "phone", type: .text, required: "${age} >= 18 and ${consent} = 'yes'", row: 5),
            FormElement(name: "details", type: .group, children: [
                FormElement(name: "pension", type: .text, row: 7),
            ], relevant: "${age} > 60", row: 6, endRow: 8),
            FormElement(name: "member", type: .repeat, children: [
                FormElement(name: "min_age", type: .integer, row: 10),
                FormElement(name: "member_age", type: .integer, constraint: ". > ../min_age", row: 11),
                FormElement(name: "child", type: .repeat, children: [
                    FormElement(name: "child_name", type: .text, row: 13),
                    FormElement(name: "child_age", type: .integer, constraint: "${child_age} < ${member_age}", row: 14),
                    FormElement(name: "order", type: .integer, constraint: ". = position(..)", row: 15),
                    FormElement(name: "guardian_adult", type: .text, constraint: "${age} >= 18 and /household/member/min_age >= 0", row: 16),
                ], row: 12, endRow: 17),
            ], row: 9, endRow: 18),
            FormElement(name: "children_total", type: .integer, constraint: ". = count(${child_name})", row: 19),
            FormElement(name: "visit", type: .date, constraint: ". <= today()", row: 20),
            FormElement(name: "consent_words", type: .text, constraint: ". = jr:choice-name(${consent}, '${consent}')", row: 21),
            FormElement(name: "checksum", type: .text, constraint: "digest(., 'MD5') = 'abc'", row: 22),
            FormElement(name: "district", type: .text, constraint: "count(instance('districts')/root/item[name = current()]) > 0", row: 23),
        ],
        choiceLists: [
            FormChoiceList(name: "yes_no", choices: [FormChoice(name: "yes", label: LocalizedText(plain: "Yes")),
                                                     FormChoice(name: "no", label: LocalizedText(plain: "No"))]),
        ])

    static func flatten(_ body: String) throws -> FlattenedInstance {
        let xml = #"<household id="household" version="3">"# + body + "<meta><instanceID>uuid:h</instanceID></meta></household>"
        let form = FormDefinition(settings: FormSettings(formID: "household", version: "3", rootName: "household"),
                                  elements: Self.form.elements, choiceLists: Self.form.choiceLists)
        let rules = ExpressionInstanceRules(form: form, now: Self.now)
        return InstanceFlattener(form: form, rules: rules).flatten(try SubmittedInstance.parse(Data(xml.utf8)))
    }

    static func findings(_ body: String) throws -> [String: InstanceFinding.Kind] {
        Dictionary(try flatten(body).findings.map { ($0.path, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a top-level constraint: true gives nothing, false names the question, its row, the constraint and the form's message")
    func topLevelConstraint() throws {
        #expect(try Self.flatten("<age>18</age><consent>no</consent>").findings == [])
        let result = try Self.flatten("<age>15</age><consent>no</consent>")
        #expect(result.findings.map(\.kind) == [.constraintFailed])
        #expect(result.findings.first?.path == "/household/age")
        let message = try #require(result.findings.first?.message)
        #expect(message == "The answer '15' to 'age' (survey sheet row 2) does not meet its constraint ${age} >= 18; "
            + "the form says: \"Only adults answer this survey.\"")
        #expect(result.values.contains { $0.path == "/household/age" && $0.text == "15" }, "the answer is kept")
    }

    @Test("constraints inside nested repeats read the same repeat instance: . > ../min_age and ${child_age} < ${member_age}")
    func nestedRepeats() throws {
        let findings = try Self.findings("""
            <age>40</age><consent>no</consent>\
            <member><min_age>5</min_age><member_age>10</member_age>\
            <child><child_name>A</child_name><child_age>3</child_age></child></member>\
            <member><min_age>30</min_age><member_age>20</member_age>\
            <child><child_name>B</child_name><child_age>4</child_age></child>\
            <child><child_name>C</child_name><child_age>25</child_age></child></member>\
            <children_total>3</children_total>
            """)
        #expect(findings == [
            "/household/member[2]/member_age": .constraintFailed,
            "/household/member[2]/child[2]/child_age": .constraintFailed,
        ])
    }

    @Test("position(..) is the index of the repeat instance holding the question")
    func position() throws {
        let findings = try Self.findings("""
            <age>40</age><consent>no</consent>\
            <member><min_age>1</min_age><member_age>50</member_age>\
            <child><child_name>A</child_name><order>1</order></child>\
            <child><child_name>B</child_name><order>2</order></child>\
            <child><child_name>C</child_name><order>2</order></child></member><children_total>3</children_total>
            """)
        #expect(findings == ["/household/member[1]/child[3]/order": .constraintFailed])
    }

    @Test("a reference from inside a repeat to a top-level question, and an absolute path inside the repeat")
    func referenceToTopLevel() throws {
        let body = { (age: Int) in
            "<age>\(age)</age><consent>no</consent><member><min_age>1</min_age><member_age>50</member_age>"
                + "<child><child_name>A</child_name><guardian_adult>x</guardian_adult></child></member><children_total>1</children_total>"
        }
        #expect(try Self.findings(body(30)) == [:])
        #expect(try Self.findings(body(16)) == ["/household/age": .constraintFailed,
                                                "/household/member[1]/child[1]/guardian_adult": .constraintFailed])
    }

    @Test("count(${child_name}) from outside the repeats counts every child of every member")
    func countAcrossRepeats() throws {
        let body = { (total: Int) in
            "<age>40</age><consent>no</consent>"
                + "<member><min_age>1</min_age><member_age>50</member_age><child><child_name>A</child_name></child></member>"
                + "<member><min_age>1</min_age><member_age>50</member_age><child><child_name>B</child_name></child>"
                + "<child><child_name>C</child_name></child></member><children_total>\(total)</children_total>"
        }
        #expect(try Self.findings(body(3)) == [:])
        #expect(try Self.findings(body(2)) == ["/household/children_total": .constraintFailed])
        #expect(try Self.findings("<age>40</age><consent>no</consent><children_total>0</children_total>") == [:], "no members: count is 0")
        let withoutName = "<age>40</age><consent>no</consent><member><min_age>1</min_age><member_age>50</member_age><child/><child/></member>"
        #expect(try Self.findings(withoutName + "<children_total>2</children_total>") == [:],
                "a child whose name node was left out still counts, as on the device")

    }

    @Test("an answer to a question whose selected(${q}, 'x') relevance is false is a finding; the answer is kept")
    func relevance() throws {
        #expect(try Self.findings("<age>30</age><consent>no</consent><reason>busy</reason>") == [:])
        let result = try Self.flatten("<age>30</age><consent>yes</consent><phone>555</phone><reason>busy</reason>")
        #expect(result.findings.map(\.path) == ["/household/reason"])
        #expect(result.findings.first?.kind == .notRelevant)
        #expect(result.findings.first?.message.contains("selected(${consent}, 'no')") == true)
        #expect(result.values.contains { $0.path == "/household/reason" && $0.text == "busy" })
    }

    @Test("a group's relevance applies to every question inside it")
    func groupRelevance() throws {
        #expect(try Self.findings("<age>70</age><consent>no</consent><details><pension>state</pension></details>") == [:])
        let result = try Self.flatten("<age>30</age><consent>no</consent><details><pension>state</pension></details>")
        #expect(result.findings.map(\.path) == ["/household/details/pension"])
        #expect(result.findings.first?.kind == .notRelevant)
        #expect(result.findings.first?.message.contains("inside 'details' (survey sheet row 6)") == true)
        #expect(try Self.findings("<age>30</age><consent>no</consent><details><pension/></details>") == [:], "an empty node is not an answer")
    }

    @Test("required as an expression: empty or missing while the condition holds is a finding, otherwise not")
    func requiredExpression() throws {
        let empty = try Self.flatten("<age>30</age><consent>yes</consent><phone/>")
        #expect(empty.findings.map(\.kind) == [.requiredMissing])
        #expect(empty.findings.first?.message.contains("is required when ${age} >= 18 and ${consent} = 'yes'") == true)
        #expect(try Self.findings("<age>30</age><consent>yes</consent>") == ["/household/phone": .requiredMissing])
        #expect(try Self.findings("<age>30</age><consent>no</consent><phone/>") == [:])
        #expect(try Self.findings("<age>30</age><consent>yes</consent><phone>555</phone>") == [:])
    }

    @Test("today() reads the clock the rules were given; jr:choice-name reads the form's labels")
    func clockAndLabels() throws {
        #expect(try Self.findings("<age>30</age><consent>no</consent><visit>2024-06-15</visit><consent_words>No</consent_words>") == [:])
        #expect(try Self.findings("<age>30</age><consent>no</consent><visit>2024-06-16</visit><consent_words>Yes</consent_words>") == [
            "/household/visit": .constraintFailed, "/household/consent_words": .constraintFailed,
        ])
    }

    @Test("expressions the server cannot evaluate (digest(), secondary instances) give no finding")
    func unsupported() throws {
        #expect(try Self.findings("<age>30</age><consent>no</consent><checksum>zzz</checksum><district>nowhere</district>") == [:])
        let rules = ExpressionInstanceRules(form: Self.form, now: Self.now)
        let instance = try SubmittedInstance.parse(Data(#"<data id="household"><checksum>z</checksum><age>3</age></data>"#.utf8))
        let element = FormElement(name: "checksum", type: .text)
        #expect(rules.holds("digest(., 'MD5') = 'abc'", at: "/data/checksum", of: element, in: instance) == nil)
        #expect(rules.holds("${nowhere} = 1", at: "/data/checksum", of: element, in: instance) == nil, "unknown name: undecided")
        #expect(rules.holds("(", at: "/data/checksum", of: element, in: instance) == nil, "syntax error: undecided")
        #expect(rules.holds("${age} < 5 and . = 'z'", at: "/data/checksum", of: element, in: instance) == true)
        #expect(rules.holds("${age} > 5", at: "/data/checksum", of: element, in: instance) == false)
        #expect(rules.holds("../consent = '' and count(../consent) = 1", at: "/data/checksum", of: element, in: instance) == true,
                "a question left out reads as one empty node, as on the device")
        #expect(rules.holds("count(../member) = 0 and /data/age = 3", at: "/data/checksum", of: element, in: instance) == true)

    }

    @Test("through the submission path: XML text with namespaces as ODK Collect writes it, parsed, flattened, checked")
    func submissionPath() throws {
        let xml = """
        <?xml version='1.0' ?><household id="household" version="3" xmlns:jr="http://openrosa.org/javarosa" \
        xmlns:orx="http://openrosa.org/xforms"><age>17</age><consent>yes</consent><reason>none</reason><phone/>\
        <details><pension/></details><member><min_age>5</min_age><member_age>4</member_age></member>\
        <children_total>0</children_total><orx:meta><orx:instanceID>uuid:1</orx:instanceID></orx:meta></household>
        """
        let form = FormDefinition(settings: FormSettings(formID: "household", version: "3", rootName: "household"),
                                  elements: Self.form.elements, choiceLists: Self.form.choiceLists)
        let result = InstanceFlattener(form: form, rules: ExpressionInstanceRules(form: form, now: Self.now))
            .flatten(try SubmittedInstance.parse(Data(xml.utf8)))
        #expect(result.findings.map(\.path) == ["/household/age", "/household/reason", "/household/member[1]/member_age"])
        #expect(result.findings.map(\.kind) == [.constraintFailed, .notRelevant, .constraintFailed])
        #expect(result.values.map(\.path).contains("/household/reason"))
    }
}
