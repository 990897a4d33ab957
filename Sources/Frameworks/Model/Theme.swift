/// A group of indicators on one area of life (education, work, lands and territories).
public struct Theme: Sendable, Hashable, Codable {
    public var code: String
    public var title: FrameworkText
    public var description: FrameworkText
    public var indicators: [Indicator]

    public init(code: String, title: FrameworkText, description: FrameworkText = FrameworkText(), indicators: [Indicator]) {
        self.code = code
        self.title = title
        self.description = description
        self.indicators = indicators
    }
}
