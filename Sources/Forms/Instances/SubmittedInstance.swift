import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A submission's XML as ODK Collect or KoboCollect sends it, read into a tree, with what the
/// server needs before anything else: which form and version it belongs to, and the instance IDs
/// that make a resend recognisable and an edit traceable. The raw bytes are kept by the caller;
/// this value is only a reading of them.
public struct SubmittedInstance: Sendable, Equatable {
    /// The root element (`<data id="…" version="…">`).
    public var root: InstanceNode
    /// The root's `id` attribute: the form ID.
    public var formID: String
    /// The root's `version` attribute; nil when the form has no version.
    public var version: String?
    /// `meta/instanceID` (e.g. `uuid:…`), trimmed; nil when absent or empty.
    public var instanceID: String?
    /// `meta/deprecatedID`: the instance ID of the submission this one edits.
    public var deprecatedID: String?
    /// `meta/instanceName`, the device's label for the record.
    public var instanceName: String?

    public init(root: InstanceNode) throws(InstanceError) {
        guard let formID = root.attribute("id")?.trimmingXPathWhitespace(), !formID.isEmpty else {
            throw .missingFormID(root: root.name)
        }
        self.root = root
        self.formID = formID
        self.version = root.attribute("version")?.trimmingXPathWhitespace()
        let meta = root.child("meta")
        func metaValue(_ name: String) -> String? {
            guard let text = meta?.child(name)?.text.trimmingXPathWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        self.instanceID = metaValue("instanceID")
        self.deprecatedID = metaValue("deprecatedID")
        self.instanceName = metaValue("instanceName")
    }

    /// Whether the device encrypted the submission (`encrypted="yes"` on the root, forms with a
    /// `public_key`): the XML is then an envelope naming the encrypted files.
    public var isEncrypted: Bool { root.attribute("encrypted")?.lowercased() == "yes" }

    /// Reads the XML bytes of a submission. External entities are never resolved.
    public static func parse(_ data: Data) throws(InstanceError) -> SubmittedInstance {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { throw .empty }
        let reader = InstanceTreeReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if !parsed || reader.root == nil {
            let reason = reader.failure ?? parser.parserError.map(Self.describe) ?? "the document has no root element"
            throw .malformed(line: max(1, reader.failureLine ?? parser.lineNumber), column: max(1, reader.failureColumn ?? parser.columnNumber),
                             reason: reason)
        }
        guard let root = reader.root else { throw .malformed(line: 1, column: 1, reason: "the document has no root element") }
        return try SubmittedInstance(root: root)
    }

    private static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        // libxml2's codes for the mistakes people actually make, in words.
        switch code {
        case 4: return "the document is empty or does not start with an element"
        case 5: return "the document ends before all elements are closed"
        case 73, 76: return "an element is closed with the wrong end tag"
        case 9: return "it contains a character XML does not allow"
        case 26: return "it uses an undefined entity (escape & as &amp;)"
        case 68: return "a name is expected (escape < as &lt;)"
        default: return "XML parser error \(code)"
        }
    }
}

/// Builds the node tree from XMLParser's events.
private final class InstanceTreeReader: NSObject, XMLParserDelegate {
    var root: InstanceNode?
    var failure: String?
    var failureLine: Int?
    var failureColumn: Int?
    private var stack: [InstanceNode] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let attributes = attributeDict.sorted { $0.key < $1.key }.map { FormAttribute(name: $0.key, value: $0.value) }
        let namespace = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
        stack.append(InstanceNode(name: elementName, namespace: namespace, attributes: attributes, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil {
            failureLine = parser.lineNumber
            failureColumn = parser.columnNumber
        }
    }
}
