/// The records of an RFC 4180 CSV text, each with the line it starts on, so problems found later
/// can name the line a person sees in their editor.
///
/// Accepts quoted fields with `""` escapes, commas and line breaks inside quotes, CRLF, LF or CR
/// line endings and a leading UTF-8 byte order mark. Blank lines are skipped. Like Python's csv
/// module (which pyxform uses), a quote that does not open a field is kept as an ordinary character.
/// An unterminated quoted field does not stop reading: the records before it are kept and the
/// problem is reported in `unterminatedQuote`.
public struct CSVDocument: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// 1-based line on which the record starts.
        public var line: Int
        public var fields: [String]
    }

    /// Where a quoted field was opened and never closed.
    public struct UnterminatedQuote: Sendable, Equatable {
        /// Line of the opening quote.
        public var line: Int
        /// Line on which the record containing the field starts.
        var recordLine: Int
        /// 0-based position of the field in its record.
        var fieldIndex: Int
        /// Fields of the record before the unterminated one.
        var precedingFields: [String]
    }

    public var records: [Record]
    public var unterminatedQuote: UnterminatedQuote?

    init(records: [Record], unterminatedQuote: UnterminatedQuote? = nil) {
        self.records = records
        self.unterminatedQuote = unterminatedQuote
    }

    public init(parsing text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }

        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var fieldWasQuoted = false
        var insideQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1

        func finishField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func finishRecord() {
            let isBlankLine = fields.isEmpty && field.isEmpty && !fieldWasQuoted
            finishField()
            if !isBlankLine {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if insideQuotes {
                switch scalar {
                case "\"":
                    if next == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        insideQuotes = false
                    }
                case "\r":
                    field.append("\n")
                    if next == "\n" { index += 1 }
                    line += 1
                case "\n":
                    field.append("\n")
                    line += 1
                default:
                    field.append(scalar)
                }
            } else {
                switch scalar {
                case "\"" where field.isEmpty && !fieldWasQuoted:
                    insideQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                case ",":
                    finishField()
                case "\r", "\n":
                    if scalar == "\r" && next == "\n" { index += 1 }
                    finishRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(scalar)
                }
            }
            index += 1
        }

        if insideQuotes {
            self.init(
                records: records,
                unterminatedQuote: UnterminatedQuote(
                    line: quoteLine, recordLine: recordLine, fieldIndex: fields.count, precedingFields: fields))
            return
        }
        if !fields.isEmpty || !field.isEmpty || fieldWasQuoted {
            finishRecord()
        }
        self.init(records: records)
    }
}
