/// One element of a submitted XForm instance, as the device wrote it: the tree the flattener
/// walks. Names are local names (a prefix such as `orx:` is dropped, its namespace kept), so a
/// form read with or without namespaces finds the same nodes.
public struct InstanceNode: Sendable, Equatable {
    /// The element's local name (`instanceID` for `<orx:instanceID>`).
    public var name: String
    /// The namespace URI, when the element has one.
    public var namespace: String?
    /// Attributes in document order, by qualified name as written.
    public var attributes: [FormAttribute]
    /// The character data directly inside the element (not its children's), as written.
    public var text: String
    public var children: [InstanceNode]
    /// 1-based line of the start tag, for messages.
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [FormAttribute] = [], text: String = "",
                children: [InstanceNode] = [], line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
        self.line = line
    }

    /// The value of the attribute with this name (qualified as written, or local), if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name || $0.name.split(separator: ":").last.map(String.init) == name }?.value
    }

    /// The first child with this local name.
    public func child(_ name: String) -> InstanceNode? {
        children.first { $0.name == name }
    }

    /// Whether the element holds other elements (a group, repeat or meta block) rather than a value.
    public var hasElementChildren: Bool { !children.isEmpty }
}
