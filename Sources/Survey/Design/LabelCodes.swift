/// Small integer codes for the distinct labels of a column, in order of first appearance.
/// Design columns (strata, clusters, post-strata) are categories; coding them once lets every
/// later pass work with integer arrays.
struct LabelCodes: Sendable {
    /// The code of each row, nil where the value is missing.
    var codeOfRow: [Int?]
    /// The label of each code.
    var labels: [String]

    init(_ column: TableColumn) {
        var codes: [Int?] = []
        codes.reserveCapacity(column.count)
        var labels: [String] = []
        switch column {
        case .numbers(let values):
            var index: [Double: Int] = [:]
            for value in values {
                guard let value else { codes.append(nil); continue }
                if let code = index[value] {
                    codes.append(code)
                } else {
                    index[value] = labels.count
                    codes.append(labels.count)
                    labels.append(TableColumn.label(of: value))
                }
            }
        case .text(let values):
            var index: [String: Int] = [:]
            for value in values {
                guard let value else { codes.append(nil); continue }
                if let code = index[value] {
                    codes.append(code)
                } else {
                    index[value] = labels.count
                    codes.append(labels.count)
                    labels.append(value)
                }
            }
        }
        self.codeOfRow = codes
        self.labels = labels
    }
}
