import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Forms
import Testing

/// Counted reads submissions with its own XML reader; libxml2 (through Foundation's XMLParser)
/// is the oracle: every well-formed document must give the same tree, and every document libxml2
/// finds broken must be refused.
@Suite("Reading submission XML")
struct InstanceXMLReaderTests {
    static let expectedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("XForm/Expected")

    /// Well-formed documents: real instance shapes, and XML's corners.
    static let wellFormed: [String] = [
        #"<data id="f"/>"#,
        #"<?xml version='1.0' ?><data id="household" version="2026-11" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><start>2026-11-22T09:12:03.114+03:00</start><people><name>Achieng</name><age>30</age></people><people><name>Baraka</name><age>3</age><child><child_name/></child></people><orx:meta><orx:instanceID>uuid:1</orx:instanceID></orx:meta></data>"#,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by a device -->\n<data id=\"f\">\n  <village>Kibera</village>\n  <note>line one\r\nline two\rthree</note>\n</data>\n",
        "\u{FEFF}<data id=\"bom\"><a>é ü 日本 🌍</a></data>",
        #"<data id='single' version="v&quot;1&apos;"><a>&lt;b&gt; &amp; &#65;&#x42;&#x1F30D;</a><b><![CDATA[<not> & tags]]> after</b></data>"#,
        "<data id=\"a\" note=\"tab\tand\nnewline\r\nand &#10; kept\"><?processing instruction?><x>1<!-- inside -->2</x></data>",
        #"<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" id="x"><h:head><model><instance><data id="d"/></instance></model></h:head><h:body/></h:html>"#,
        #"<data id="f" xmlns="http://example.org/default"><inner xmlns=""><deep/></inner><p:q xmlns:p="urn:p" p:attr="1"/></data>"#,
        "<data id=\"f\"   >  <a  >x</a   ><b /></data  >",
        "<data id=\"f\"><a>]]</a><b>&gt;&gt;</b><c>a > b</c></data>",
        "<data id=\"f\"><repeat><r>1</r></repeat><repeat><r>2</r></repeat><repeat><r>3</r></repeat></data>",
    ]

    /// Broken documents, each with the line the refusal must name.
    static let broken: [(xml: String, line: Int)] = [
        ("<data id=\"f\">\n<age>4</age>\n<name>Ana</nam>\n</data>", 3),
        ("<data id=\"f\"><a>1</a>", 1),
        ("<data id=\"f\"><a>x & y</a></data>", 1),
        ("<data id=\"f\"><a>&nbsp;</a></data>", 1),
        ("<data id=\"f\" id=\"g\"/>", 1),
        ("<data id=f/>", 1),
        ("<data id=\"f\">\n\n<a>1</a></data><more/>", 3),
        ("text first<data id=\"f\"/>", 1),
        ("<data id=\"f\"><a b=\"<\"/></data>", 1),
        ("<data id=\"f\"><1a/></data>", 1),
        ("<data id=\"f\"><a>\u{1}</a></data>", 1),
        ("<data id=\"f\"><a>&#0;</a></data>", 1),
        ("<data id=\"f\"><![CDATA[never closed</data>", 1),
        ("<data id=\"f\"><!-- never closed</data>", 1),
        ("<data id=\"f\"\n\n", 1),
        ("<data id=\"f\"></data>\n</data>", 2),
    ]

    @Test("well-formed documents give libxml2's tree", arguments: wellFormed)
    func sameTreeAsLibxml2(xml: String) throws {
        let bytes = Array(xml.utf8)
        let ours = try InstanceXMLReader.read(bytes)
        let reference = try #require(ReferenceReader.read(Data(bytes)))
        #expect(Shape(ours) == Shape(reference))
    }

    @Test("the XForms of the writer's parity corpus give libxml2's tree")
    func xformsCorpus() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.expectedFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }
        #expect(files.count >= 10)
        for file in files {
            let data = try Data(contentsOf: file)
            let ours = try InstanceXMLReader.read(Array(data))
            let reference = try #require(ReferenceReader.read(data), "\(file.lastPathComponent)")
            #expect(Shape(ours) == Shape(reference), "\(file.lastPathComponent)")
        }
    }

    @Test("broken documents are refused with the line where they break, as libxml2 refuses them", arguments: broken)
    func refusedLikeLibxml2(xml: String, line: Int) {
        #expect(ReferenceReader.read(Data(xml.utf8)) == nil, "libxml2 accepts \(xml)")
        #expect {
            try InstanceXMLReader.read(Array(xml.utf8))
        } throws: { error in
            guard case .malformed(let at, let column, let reason) = error as? InstanceError else { return false }
            return at == line && column >= 1 && !reason.isEmpty
        }
    }

    @Test("what a submission never needs is refused in words: a DOCTYPE (no entity expands), other encodings, bad UTF-8")
    func refusals() {
        let cases: [([UInt8], String)] = [
            (Array("<!DOCTYPE data [<!ENTITY a \"aaaa\">]><data id=\"f\">&a;</data>".utf8), "document type declaration"),
            (Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><data id=\"f\"/>".utf8), "iso-8859-1"),
            (Array("<data id=\"f\"><a>".utf8) + [0xC3, 0x28] + Array("</a></data>".utf8), "UTF-8"),
            (Array("<data id=\"f\"><a>1</b></data>".utf8), "</b> does not match <a>"),
            (Array("<data id=\"f\"><a>x &amp y</a></data>".utf8), "&amp;"),
        ]
        for (bytes, words) in cases {
            #expect {
                try InstanceXMLReader.read(bytes)
            } throws: { error in
                guard case .malformed(_, _, let reason) = error as? InstanceError else { return false }
                return reason.contains(words)
            }
        }
    }

    @Test("the character of a refusal counts characters, not bytes")
    func columnInCharacters() {
        #expect {
            try InstanceXMLReader.read(Array("<data id=\"é\">\n<éé>1</é></data>".utf8))
        } throws: { error in
            guard case .malformed(2, let column, _) = error as? InstanceError else { return false }
            return column == 6
        }
    }

    @Test("deep nesting is read without recursion")
    func deepNesting() throws {
        let depth = 20_000
        let xml = String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        var node = try InstanceXMLReader.read(Array(xml.utf8))
        var levels = 1
        while let child = node.children.first {
            node = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.text == "x")
    }
}

/// What both readers must agree on: names, namespaces, attributes, text and children.
private struct Shape: Equatable, CustomStringConvertible {
    var name: String
    var namespace: String?
    var attributes: [String]
    var text: String
    var children: [Shape]

    init(_ node: InstanceNode) {
        name = node.name
        namespace = node.namespace
        attributes = node.attributes.map { "\($0.name)=\($0.value)" }.sorted()
        text = node.text
        children = node.children.map(Shape.init)
    }

    var description: String {
        "<\(name) {\(namespace ?? "")} \(attributes)>\(text.debugDescription)\(children.map(\.description).joined())</\(name)>"
    }
}

/// The oracle: libxml2 through Foundation's XMLParser, with namespaces processed. Nil when the
/// document is not well-formed.
private final class ReferenceReader: NSObject, XMLParserDelegate {
    private var stack: [InstanceNode] = []
    private var root: InstanceNode?
    private var failed = false

    static func read(_ data: Data) -> InstanceNode? {
        let reader = ReferenceReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        return parsed && !reader.failed && parser.parserError == nil ? reader.root : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(InstanceNode(name: elementName, namespace: namespaceURI.flatMap { $0.isEmpty ? nil : $0 },
                                  attributes: attributeDict.map { FormAttribute(name: $0.key, value: $0.value) }))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
