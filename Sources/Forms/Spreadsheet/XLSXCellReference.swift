/// A cell reference in A1 style ("C5", "$AB$12"): the column letters and the row number. Cells
/// in a sheet part carry one so that empty cells need not be stored; the letters say which
/// column a value belongs to.
struct XLSXCellReference: Sendable, Equatable {
    /// The largest column Excel allows (XFD).
    static let maximumColumn = 16_384
    /// The largest row number Excel allows.
    static let maximumRow = 1_048_576

    /// 1-based column (A = 1).
    var column: Int
    /// 1-based row, when the reference has one.
    var row: Int?

    /// Nil when the text is not a reference within Excel's limits.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var sawRowDigit = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawRowDigit else { return nil }
                let letter = Int(byte | 0x20) - Int(UInt8(ascii: "a")) + 1
                column = column * 26 + letter
                guard column <= Self.maximumColumn else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard column > 0 else { return nil }
                sawRowDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= Self.maximumRow else { return nil }
            default:
                return nil
            }
        }
        guard column > 0, !sawRowDigit || row > 0 else { return nil }
        self.column = column
        self.row = sawRowDigit ? row : nil
    }

    init(column: Int, row: Int?) {
        self.column = column
        self.row = row
    }

    /// "A", "Z", "AA", … for a 1-based column.
    static func letters(forColumn column: Int) -> String {
        var column = column
        var letters: [Character] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            column = (column - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "C5" (or "C" without a row).
    var text: String {
        Self.letters(forColumn: column) + (row.map(String.init) ?? "")
    }
}
