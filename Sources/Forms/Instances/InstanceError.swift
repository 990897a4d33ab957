/// Why a submitted instance could not be read at all. Anything less severe (a wrong type, a node
/// the form does not know) is an ``InstanceFinding`` and the submission is still kept.
public enum InstanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is empty.
    case empty
    /// The body is not well-formed XML; `line` and `column` are 1-based, where the parser stopped.
    case malformed(line: Int, column: Int, reason: String)
    /// The root element has no `id` attribute, so the form it belongs to is unknown.
    case missingFormID(root: String)

    public var description: String {
        switch self {
        case .empty:
            "The submission's XML part is empty."
        case .malformed(let line, let column, let reason):
            "The submission is not well-formed XML (line \(line), character \(column)): \(reason)."
        case .missingFormID(let root):
            "The submission's root element <\(root)> has no id attribute, so its form is unknown. "
                + "ODK Collect writes the form ID there; check that the XML comes from a form downloaded from this server."
        }
    }
}
