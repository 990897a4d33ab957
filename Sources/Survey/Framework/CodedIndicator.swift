/// One indicator of a framework, as numeric columns with NaN for a missing value: a proportion or
/// mean, a total, or a ratio of two columns. Rows with a missing value are left out (R's
/// `na.rm = TRUE`); for a ratio, rows missing either column.
public struct CodedIndicator: Sendable, Hashable {
    /// What an indicator estimates from its values.
    public enum Kind: Sendable, Hashable, Codable {
        /// The weighted share of rows with value 1 among rows with a value (0/1 values); its
        /// interval defaults to logit, as R's `svyciprop`.
        case proportion
        /// The weighted mean (R's `svymean`).
        case mean
        /// The estimated population total (R's `svytotal`).
        case total
        /// The ratio of the totals of ``CodedIndicator/values`` and
        /// ``CodedIndicator/denominator`` (R's `svyratio`).
        case ratio
    }

    public var name: String
    public var kind: Kind
    /// The value of each row; NaN where missing.
    public var values: [Double]
    /// For a ratio, the denominator of each row (NaN where missing); nil otherwise.
    public var denominator: [Double]?

    public init(name: String, kind: Kind, values: [Double]) {
        self.name = name
        self.kind = kind
        self.values = values
        self.denominator = nil
    }

    /// A ratio of the totals of `numerator` and `denominator`.
    public static func ratio(name: String, numerator: [Double], denominator: [Double]) -> CodedIndicator {
        var indicator = CodedIndicator(name: name, kind: .ratio, values: numerator)
        indicator.denominator = denominator
        return indicator
    }
}
