import Foundation
import Forms
import Testing

/// The lexical rules of XForm types, checked through the flattener: a valid text is a typed
/// value with no finding; an invalid one is kept with an `invalidValue` finding.
@Suite("XForm value syntax of submitted answers")
struct XFormValueSyntaxTests {
    static func isValid(_ type: FormElementType, _ text: String) throws -> Bool {
        let form = FormDefinition(settings: FormSettings(formID: "syntax", version: "1"), elements: [FormElement(name: "answer", type: type)])
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let xml = #"<data id="syntax" version="1"><answer>"# + escaped + "</answer><meta><instanceID>uuid:1</instanceID></meta></data>"
        let result = InstanceFlattener(form: form).flatten(try SubmittedInstance.parse(Data(xml.utf8)))
        #expect(result.values.contains { $0.path == "/data/answer" }, "the answer is kept either way")
        return !result.findings.contains { $0.kind == .invalidValue }
    }

    @Test("integers: an optional sign and ASCII digits only", arguments: [
        ("42", true), ("-7", true), ("+7", true), (" 12 ", true), ("0042", true),
        ("-", false), ("1.0", false), ("1e3", false), ("٤٢", false), ("12a", false), ("99999999999999999999", false),
    ])
    func integers(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.integer, text) == valid, "'\(text)'")
    }

    @Test("decimals: digits with at most one point, no exponent", arguments: [
        ("1.5", true), ("-0.25", true), (".5", true), ("5.", true), ("+3", true),
        (".", false), ("1..2", false), ("1.2.3", false), ("1e5", false), ("NaN", false), ("-", false), ("1,5", false),
    ])
    func decimals(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.decimal, text) == valid, "'\(text)'")
    }

    @Test("dates: YYYY-MM-DD that exist on the calendar", arguments: [
        ("2024-02-29", true), ("2000-02-29", true), ("1999-12-31", true),
        ("2023-02-29", false), ("1900-02-29", false), ("2024-13-01", false), ("2024-00-10", false), ("2024-04-31", false),
        ("2024-1-01", false), ("24-01-01", false), ("2024/01/01", false), ("2024-01-01x", false), ("+024-01-01", false),
    ])
    func dates(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.date, text) == valid, "'\(text)'")
    }

    @Test("times: HH:MM:SS, an optional fraction and zone", arguments: [
        ("14:30:00", true), ("14:30:00.000", true), ("00:00:00Z", true), ("23:59:59.5+03:00", true), ("08:00:00-05:30", true),
        ("24:00:00", false), ("12:60:00", false), ("12:00:60", false), ("12:00", false), ("12:00:00.", false), ("12:00:00+3:00", false),
        ("12:00:00+15:00", false), ("+1:00:00", false), ("12:00:00+03:00:00", false), ("12:00:00.5x", false),
    ])
    func times(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.time, text) == valid, "'\(text)'")
    }

    @Test("date and time joined by T", arguments: [
        ("2024-11-05T09:40:00Z", true), ("2024-11-05T09:40:00.123+01:00", true),
        ("2024-11-05 09:40:00", false), ("2024-11-05T25:40:00", false), ("2024-11-31T09:40:00", false),
    ])
    func dateTimes(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.dateTime, text) == valid, "'\(text)'")
    }

    @Test("locations: latitude and longitude in range, then optional altitude and accuracy", arguments: [
        ("-1.2921 36.8219", true), ("-1.2921 36.8219 1650 5", true), ("90 180", true), ("+1 -1 0 0", true),
        ("91 0", false), ("0 181", false), ("1", false), ("1 2 3 4 5", false), ("a b", false), ("1;2", false),
    ])
    func geopoints(text: String, valid: Bool) throws {
        #expect(try Self.isValid(.geopoint, text) == valid, "'\(text)'")
    }

    @Test("lines need two points and shapes three, each a valid location", arguments: [
        (FormElementType.geotrace, "0 0;1 1", true), (.geotrace, "0 0; 1 1 ;", true), (.geotrace, "0 0", false),
        (.geotrace, "0 0;100 1", false), (.geoshape, "0 0;1 1;0 0", true), (.geoshape, "0 0;1 1", false),
    ])
    func traces(type: FormElementType, text: String, valid: Bool) throws {
        #expect(try Self.isValid(type, text) == valid, "'\(text)'")
    }
}
