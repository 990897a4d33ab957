/// Arbitrary integer codes (stratum numbers, cluster ids) renumbered 0, 1, 2, … in order of first
/// appearance, so that later passes index flat arrays instead of looking codes up.
///
/// Codes usually span a modest range, so a lookup table indexed by code is used (no hashing per
/// row); a dictionary is the fallback for sparse, wide-ranging codes.
struct DenseCodes: Sendable {
    /// The dense index of each row.
    var indexOfRow: [Int32]
    /// The original code of each dense index.
    var codes: [Int64]

    var count: Int { codes.count }

    init(_ keys: [Int64]) {
        var indexOfRow = [Int32](repeating: 0, count: keys.count)
        var codes: [Int64] = []
        guard let low = keys.min(), let high = keys.max() else {
            self.indexOfRow = indexOfRow
            self.codes = codes
            return
        }
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < Int64(4 * keys.count + 1024) {
            var table = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
            for (row, key) in keys.enumerated() {
                let slot = Int(key - low)
                if table[slot] < 0 {
                    table[slot] = Int32(codes.count)
                    codes.append(key)
                }
                indexOfRow[row] = table[slot]
            }
        } else {
            var index: [Int64: Int32] = [:]
            for (row, key) in keys.enumerated() {
                if let found = index[key] {
                    indexOfRow[row] = found
                } else {
                    let next = Int32(codes.count)
                    index[key] = next
                    codes.append(key)
                    indexOfRow[row] = next
                }
            }
        }
        self.indexOfRow = indexOfRow
        self.codes = codes
    }
}
