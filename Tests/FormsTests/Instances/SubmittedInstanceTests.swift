import Foundation
import Forms
import Testing

@Suite("Reading a submitted instance")
struct SubmittedInstanceTests {
    @Test("reads the form ID, version, instance ID and deprecated ID, with or without the orx namespace")
    func metadata() throws {
        let xml = """
        <?xml version='1.0' ?><data id="household" version="7" xmlns:orx="http://openrosa.org/xforms">\
        <village>Kibera</village><orx:meta><orx:instanceID> uuid:new </orx:instanceID><orx:deprecatedID>uuid:old</orx:deprecatedID>\
        <orx:instanceName>Kibera visit</orx:instanceName></orx:meta></data>
        """
        let instance = try SubmittedInstance.parse(Data(xml.utf8))
        #expect(instance.formID == "household")
        #expect(instance.version == "7")
        #expect(instance.instanceID == "uuid:new")
        #expect(instance.deprecatedID == "uuid:old")
        #expect(instance.instanceName == "Kibera visit")
        #expect(instance.root.child("village")?.text == "Kibera")
        #expect(instance.root.child("meta")?.namespace == "http://openrosa.org/xforms")
    }

    @Test("keeps text exactly, including CDATA and escaped characters")
    func text() throws {
        let xml = #"<data id="f"><note>  a &amp; b <![CDATA[<c>]]></note><meta/></data>"#
        let instance = try SubmittedInstance.parse(Data(xml.utf8))
        #expect(instance.root.child("note")?.text == "  a & b <c>")
        #expect(instance.instanceID == nil)
        #expect(instance.version == nil)
    }

    @Test("malformed XML is refused with the line and character where it breaks")
    func malformed() {
        let xml = "<data id=\"f\">\n<age>4</age>\n<name>Ana</nam>\n</data>"
        #expect {
            try SubmittedInstance.parse(Data(xml.utf8))
        } throws: { error in
            guard case .malformed(let line, _, let reason) = error as? InstanceError else { return false }
            return line == 3 && !reason.isEmpty && (error as? InstanceError)?.description.contains("line 3") == true
        }
    }

    @Test("an empty body and a root without id are refused in words")
    func refusals() {
        #expect(throws: InstanceError.empty) { try SubmittedInstance.parse(Data("  \n".utf8)) }
        #expect(throws: InstanceError.missingFormID(root: "data")) { try SubmittedInstance.parse(Data("<data><a>1</a></data>".utf8)) }
        #expect(InstanceError.missingFormID(root: "data").description.contains("<data>"))
    }
}
