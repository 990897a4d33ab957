/// One column of a ``SurveyTable``: numbers or text, with nil for a missing value. Survey data
/// mixes measurements (enrolment, scores) with categories (school type, yes/no answers), and both
/// can be blank; keeping the two kinds apart lets a number column be used without re-parsing.
public enum TableColumn: Sendable, Hashable {
    case numbers([Double?])
    case text([String?])

    /// How many rows the column has.
    public var count: Int {
        switch self {
        case .numbers(let values): values.count
        case .text(let values): values.count
        }
    }

    /// The values as numbers, or nil for a text column.
    public var numbers: [Double?]? {
        if case .numbers(let values) = self { return values }
        return nil
    }

    /// The value in `row` as text (numbers written without a trailing ".0" when whole), nil when
    /// missing. Categories such as a cluster id may be stored either way; this is their label.
    public func label(at row: Int) -> String? {
        switch self {
        case .numbers(let values): values[row].map(TableColumn.label(of:))
        case .text(let values): values[row]
        }
    }

    /// Every row's label (see ``label(at:)``).
    public var labels: [String?] {
        switch self {
        case .numbers(let values): values.map { $0.map(TableColumn.label(of:)) }
        case .text(let values): values
        }
    }

    /// A number's label: "12" for 12.0, "0.5" for 0.5.
    public static func label(of number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
