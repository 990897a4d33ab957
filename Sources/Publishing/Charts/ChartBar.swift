/// One bar of a ``BarChart``: an estimate with its confidence interval, or the reason there is
/// none.
///
/// A missing value (suppressed by disclosure control, or never measured) must not look like a
/// zero, so the chart draws no bar for it and writes ``note`` where the bar would be.
public struct ChartBar: Sendable, Hashable {
    /// The category, e.g. "Women with disabilities"; wrapped above the bar when long.
    public var label: String
    /// The estimate; nil when there is no number to show.
    public var value: Double?
    /// Lower end of the confidence interval, in the same unit as ``value``.
    public var low: Double?
    /// Upper end of the confidence interval.
    public var high: Double?
    /// Why there is no value, e.g. "suppressed"; shown only when ``value`` is nil.
    public var note: String?

    public init(label: String, value: Double?, low: Double? = nil, high: Double? = nil, note: String? = nil) {
        self.label = label
        self.value = value
        self.low = low
        self.high = high
        self.note = note
    }
}
