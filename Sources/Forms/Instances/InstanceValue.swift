/// One answered node of a submission, typed and located: the row analysis and export read,
/// made once when the submission arrives so nobody has to parse XML again. Rows of one repeat
/// instance share `record`; a repeat instance has a row of its own (type `repeat`) that its
/// values point to, and that points to the repeat instance containing it.
public struct InstanceValue: Sendable, Equatable, Codable {
    /// 0-based place in document order; the row's key within its submission.
    public var position: Int
    /// The repeat instance holding the value, as an index chain (`/data/people[2]/child[1]`);
    /// the root path (`/data`) for values outside any repeat. For a `repeat` row, itself.
    public var record: String
    /// `position` of the `repeat` row this row belongs to (its parent repeat instance for a
    /// `repeat` row); nil at the top level.
    public var parentPosition: Int?
    /// The node's path without indices (`/data/people/child/child_name`): the "column".
    public var path: String
    public var type: InstanceValueType
    /// The text exactly as submitted (a select multiple keeps its space-separated list).
    public var text: String
    /// The number, for `int` and `decimal` values that are valid numbers.
    public var number: Double?

    public init(position: Int, record: String, parentPosition: Int?, path: String, type: InstanceValueType,
                text: String, number: Double? = nil) {
        self.position = position
        self.record = record
        self.parentPosition = parentPosition
        self.path = path
        self.type = type
        self.text = text
        self.number = number
    }
}
