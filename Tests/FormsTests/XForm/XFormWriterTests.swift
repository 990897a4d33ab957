import Testing
@testable import Forms

/// Behaviour checked without pyxform: the problems the writer reports, and the pieces it is built
/// from (dynamic default detection, instance expressions in labels, text merging, printing).
@Suite struct XFormWriterTests {
    private func form(_ elements: [FormElement], choices: [FormChoiceList] = []) -> FormDefinition {
        FormDefinition(settings: FormSettings(formID: "test"), elements: elements, choiceLists: choices)
    }

    private func problems(_ form: FormDefinition) -> [FormProblem] {
        do {
            _ = try XFormWriter.write(form, fallbackFormID: "test", fileName: "test.xlsx")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func unknownReferenceIsReportedWithRowAndColumn() {
        let found = problems(form([
            FormElement(name: "age", type: .integer, label: plainText("Age"), row: 2),
            FormElement(name: "adult", type: .text, label: plainText("Adult"), relevant: "${agee} >= 18", row: 3),
        ]))
        #expect(found.count == 1)
        #expect(found.first?.row == 3)
        #expect(found.first?.column == "relevant")
        #expect(found.first?.sheet == "survey")
        #expect(found.first?.message.contains("${agee}") == true)
        #expect(found.first?.description.hasPrefix("test.xlsx, sheet survey, row 3, column relevant:") == true)
    }

    @Test func ambiguousReferenceIsReported() {
        let found = problems(form([
            FormElement(name: "g1", type: .group, children: [FormElement(name: "x", type: .text, label: plainText("X"))], label: plainText("G1")),
            FormElement(name: "g2", type: .group, children: [FormElement(name: "x", type: .text, label: plainText("X"))], label: plainText("G2")),
            FormElement(name: "y", type: .text, label: plainText("Y ${x}"), row: 8),
        ]))
        #expect(found.first?.row == 8)
        #expect(found.first?.column == "label")
        #expect(found.first?.message.contains("more than one") == true)
    }

    @Test func questionWithoutLabelOrHintIsReported() {
        let found = problems(form([FormElement(name: "silent", type: .text, row: 4)]))
        #expect(found.first?.row == 4)
        #expect(found.first?.message.contains("no label or hint") == true)
    }

    @Test func hiddenTriggerIsReported() {
        let found = problems(form([
            FormElement(name: "hidden_source", type: .calculate, calculation: "1", row: 2),
            FormElement(name: "stamp", type: .calculate, calculation: "now()", trigger: "${hidden_source}", row: 3),
        ]))
        #expect(found.first?.row == 2)
        #expect(found.first?.message.contains("cannot trigger") == true)
    }

    @Test func orOtherWithChoiceFilterIsReported() {
        let found = problems(form(
            [FormElement(name: "pick", type: .selectOne(list: "yn", orOther: true), label: plainText("Pick"),
                         choiceFilter: "name != 'no'", row: 5)],
            choices: [simpleChoiceList("yn", [("yes", "Yes"), ("no", "No")])]))
        #expect(found.first?.row == 5)
        #expect(found.first?.column == "choice_filter")
    }

    @Test func searchListSharedWithPlainSelectIsReported() {
        let found = problems(form(
            [
                FormElement(name: "a", type: .selectOne(list: "yn", orOther: false), label: plainText("A"), appearance: "search('x')", row: 2),
                FormElement(name: "b", type: .selectOne(list: "yn", orOther: false), label: plainText("B"), row: 3),
            ],
            choices: [simpleChoiceList("yn", [("yes", "Yes"), ("no", "No")])]))
        #expect(found.first?.row == 2)
        #expect(found.first?.message.contains("'b'") == true)
    }

    @Test func disabledRowsAreLeftOut() throws {
        let xml = try XFormWriter.write(form([
            FormElement(name: "kept", type: .text, label: plainText("Kept")),
            FormElement(name: "dropped", type: .text, label: plainText("Dropped"), otherColumns: [FormAttribute(name: "disabled", value: "yes")]),
        ]), fallbackFormID: "test")
        #expect(xml.contains("<kept/>"))
        #expect(!xml.contains("dropped"))
    }

    @Test(arguments: [
        ("hello world", "text", false), ("a-b", "text", false), ("2 - 1", "integer", true), ("today()", "date", true),
        ("2020-01-01", "date", false), ("1.5 -2.3 0 0", "geopoint", false), ("1/2", "text", false), ("x * y", "text", true),
        ("${other}", "text", true), ("a | b", "text", true), ("10 mod 3", "integer", true), ("12:30:00", "time", false),
        ("today() - 1", "date", true), ("x -1", "date", false),
    ])
    func dynamicDefaultsAreRecognisedAsPyxformDoes(value: String, type: String, dynamic: Bool) {
        #expect(XFormExpressionLexer.isDynamicDefault(value, typeName: type) == dynamic)
    }

    @Test func instanceExpressionsInLabelsAreFound() {
        let text = "Value: instance('lookup')/root/item[name = ${x}]/label here"
        let bounds = XFormExpressionLexer.instanceExpressionBounds(text)
        #expect(bounds.count == 1)
        let characters = Array(text)
        #expect(bounds.first.map { String(characters[$0]) } == "instance('lookup')/root/item[name = ${x}]/label")
        #expect(XFormExpressionLexer.instanceExpressionBounds("no instance here").isEmpty)
    }

    @Test func untranslatedColumnAfterTranslatedOnesReplacesThemAsInPyxform() {
        let label = textsByColumn(["English (en)": "A en", "": "A plain"])
        #expect(XFormText.fromSingleColumn(label, defaultLanguage: "default") == .plain("A plain"))
        let image = textsByColumn(["English (en)": "a.png", "": "b.png"])
        #expect(XFormText.fromGroupedColumn(image, defaultLanguage: "default")
            == .translated([("English (en)", "a.png"), ("default", "b.png")]))
        let defaultWins = textsByColumn(["": "plain", "English (en)": "English"])
        #expect(XFormText.fromSingleColumn(defaultWins, defaultLanguage: "English (en)") == .translated([("English (en)", "English")]))
    }

    @Test func printerKeepsTextInlineAndPadsMixedContent() {
        var label = MarkupElement("label", children: [.text("Hi "), .element(MarkupElement("output", attributes: [("value", " /data/a ")]))])
        label.setAttribute("x", "a\"b<")
        var root = MarkupElement("root")
        root.append(label)
        root.append(MarkupElement("empty"))
        #expect(root.document() == """
            <?xml version="1.0"?>
            <root>
              <label x="a&quot;b&lt;"> Hi <output value=" /data/a "/> </label>
              <empty/>
            </root>

            """)
    }

    @Test func canonicalFormIgnoresAttributeOrderAndItextValueOrderOnly() throws {
        let a = try XMLCanonicalForm(parsing: #"<r><text id="t"><value>x</value><value form="image">i</value></text><b p="1" q="2"/></r>"#)
        let b = try XMLCanonicalForm(parsing: "<r>\n  <text id=\"t\"><value form=\"image\">i</value><value>x</value></text>\n  <b q=\"2\" p=\"1\"/>\n</r>")
        let c = try XMLCanonicalForm(parsing: #"<r><text id="t"><value>x</value><value form="image">i</value></text><b p="1" q="3"/></r>"#)
        let d = try XMLCanonicalForm(parsing: #"<r><b p="1" q="2"/><text id="t"><value>x</value><value form="image">i</value></text></r>"#)
        #expect(a.lines == b.lines)
        #expect(a.lines != c.lines)
        #expect(a.lines != d.lines)
    }
}
