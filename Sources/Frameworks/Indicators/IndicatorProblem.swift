/// One thing wrong with an indicator definition, naming the property to fix.
public struct IndicatorProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The property of `ProportionIndicator` at fault, e.g. "code", "field", "value".
    public var property: String
    public var message: String

    public init(property: String, message: String) {
        self.property = property
        self.message = message
    }

    /// "property: message".
    public var description: String { "\(property): \(message)" }
}
