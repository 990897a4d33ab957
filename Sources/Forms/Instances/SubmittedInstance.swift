import Foundation

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

    /// Reads the XML bytes of a submission (see ``InstanceXMLReader``: UTF-8, no document type
    /// declaration, so no entity is ever expanded or fetched).
    public static func parse(_ data: Data) throws(InstanceError) -> SubmittedInstance {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { throw .empty }
        return try SubmittedInstance(root: InstanceXMLReader.read(Array(data)))
    }
}
