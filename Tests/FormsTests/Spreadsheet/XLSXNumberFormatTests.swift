import Testing
@testable import Forms

@Suite("Excel number formats that mean dates")
struct XLSXNumberFormatTests {
    // Expected values are openpyxl's is_date_format and is_timedelta_format for the same codes.
    @Test(arguments: [
        (#"yyyy\-mm\-dd"#, true, false),
        (#"0.0" days""#, false, false),
        ("[Red][$-409]0.00", false, false),
        ("[h]:mm:ss", true, true),
        ("[H]:mm", true, true),
        ("General", false, false),
        ("_d0", false, false),
        (#"\d0"#, false, false),
        (#"[$-F800]dddd\,\ mmmm\ dd\,\ yyyy"#, true, false),
        ("0;[Red]d", false, false),
        (#""unclosed d"#, true, false),
        ("mm-dd-yy", true, false),
        ("0.00E+00", false, false),
    ])
    func classification(code: String, isDate: Bool, isDuration: Bool) {
        let format = XLSXNumberFormat(code: code)
        #expect(format.isDate == isDate)
        #expect(format.isDuration == isDuration)
    }

    @Test func builtInDateFormatsAreTheOnesOpenpyxlKnows() {
        let dateIDs = XLSXNumberFormat.builtIn.filter { XLSXNumberFormat(code: $0.value).isDate }.keys.sorted()
        #expect(dateIDs == [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
    }
}
