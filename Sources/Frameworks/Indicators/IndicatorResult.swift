/// A computed indicator, labelled and ready to show or export without looking the questionnaire up again.
public struct IndicatorResult: Sendable, Codable, Equatable {
    public var code: String
    public var title: String
    /// Label of the counted choice.
    public var valueLabel: String
    /// Name of the disaggregation question, if any.
    public var dimension: String?
    /// Label of the disaggregation question, if any.
    public var dimensionLabel: String?
    /// Overall first, then one per choice of the disaggregation question in choice order.
    public var rows: [IndicatorRow]

    public init(code: String, title: String, valueLabel: String, dimension: String?, dimensionLabel: String?, rows: [IndicatorRow]) {
        self.code = code
        self.title = title
        self.valueLabel = valueLabel
        self.dimension = dimension
        self.dimensionLabel = dimensionLabel
        self.rows = rows
    }
}
