/// One row of a ``DumbbellChart``: a group's value beside the reference population's, e.g.
/// women with disabilities against women without, in one region.
///
/// Either side may be missing (suppressed, or not measured); its note then says why, as a
/// missing value must never be drawn as if it were zero.
public struct DumbbellRow: Sendable, Hashable {
    public var label: String
    /// The group's value; nil when there is none.
    public var group: Double?
    /// The reference population's value; nil when there is none.
    public var reference: Double?
    /// Why the group's value is missing, e.g. "suppressed".
    public var groupNote: String?
    /// Why the reference value is missing.
    public var referenceNote: String?

    public init(label: String, group: Double?, reference: Double?, groupNote: String? = nil, referenceNote: String? = nil) {
        self.label = label
        self.group = group
        self.reference = reference
        self.groupNote = groupNote
        self.referenceNote = referenceNote
    }
}
