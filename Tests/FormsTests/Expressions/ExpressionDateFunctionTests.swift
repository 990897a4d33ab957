import Foundation
import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("ODK date and time functions")
struct ExpressionDateFunctionTests {
    private typealias F = ExpressionFixture

    private func inZone(_ seconds: Int) -> (inout ExpressionContext) -> Void {
        { context in context.timeZone = TimeZone(secondsFromGMT: seconds) ?? .gmt }
    }

    @Test func todayAndNowComeFromTheContext() throws {
        #expect(try F.string("today()") == "2024-05-01")
        #expect(try F.string("now()") == "2024-05-01T10:30:00.000Z")
        #expect(try F.value("now()", adjusting: inZone(3 * 3600)).stringValue == "2024-05-01T13:30:00.000+03:00")
        #expect(try F.value("today()", adjusting: inZone(-11 * 3600)).stringValue == "2024-04-30")
        #expect(try F.value("now()", adjusting: inZone(-(5 * 3600 + 1800))).stringValue == "2024-05-01T05:00:00.000-05:30")
    }

    @Test func dateArithmeticInDays() throws {
        #expect(try F.number("date('2020-01-31') + 1") == 18293)
        #expect(try F.string("date(date('2020-01-31') + 1)") == "2020-02-01")
        #expect(try F.string("date(18293.9)") == "2020-02-01")
        #expect(try F.string("date(-1)") == "1969-12-31")
        #expect(try F.number("today() + 1") == 19845)
        #expect(try F.number("today() - date('2024-04-01')") == 30)
        #expect(try F.boolean("${visit} < today()", ["visit": "2024-04-30"]))
        #expect(try !F.boolean("${visit} < today()", ["visit": "2024-05-01"]))
        #expect(try F.boolean("${visit} = today()", ["visit": "2024-05-01"]))
        #expect(try F.string("date('2024-02-28') + 1") == "19782")
        #expect(try F.string("date(date('2024-02-28') + 1)") == "2024-02-29")
    }

    @Test func dateReadsDatesAndDateTimes() throws {
        #expect(try F.string("date('2020-01-31T23:00:00+05:00')") == "2020-01-31")
        #expect(try F.string("date(${d})", ["d": ""]) == "")
        #expect(try F.evaluationError("date('31/01/2020')") == .notADate(function: "date", value: "31/01/2020"))
        #expect(try F.evaluationError("date('2021-02-29')") == .notADate(function: "date", value: "2021-02-29"))
    }

    @Test func dateTime() throws {
        #expect(try F.string("date-time(18293.5)") == "2020-02-01T12:00:00.000Z")
        #expect(try F.string("date-time('2020-02-01')") == "2020-02-01T00:00:00.000Z")
        #expect(try F.string("date-time('2020-02-01T08:15:30.5+01:00')") == "2020-02-01T08:15:30.500+01:00")
    }

    @Test func decimalDateTime() throws {
        #expect(try F.number("decimal-date-time('2020-01-01T12:00:00Z')") == 18262.5)
        #expect(try F.number("decimal-date-time('2020-01-01')") == 18262)
        #expect(try abs(F.number("decimal-date-time('2020-01-01T12:00:00+02:00')") - (18262.5 - 2.0 / 24)) < 1e-9)
        #expect(try F.number("decimal-date-time(${d}) - decimal-date-time(today())", ["d": "2024-05-11"]) == 10)
        #expect(try F.number("decimal-date-time(${d}) - decimal-date-time(today())", ["d": ""]).isNaN)
        #expect(try F.number("decimal-date-time(now())") == 19844 + 10.5 / 24)
    }

    @Test func decimalTime() throws {
        #expect(try F.number("decimal-time('12:00:00')") == 0.5)
        #expect(try F.number("decimal-time('18:00:00.000+00:00')") == 0.75)
        #expect(try abs(F.number("decimal-time('06:00:00+02:00')") - 4.0 / 24) < 1e-12)
        #expect(try abs(F.value("decimal-time('06:00:00+02:00')", adjusting: inZone(2 * 3600)).numberValue - 0.25) < 1e-12)
        #expect(try F.number("decimal-time(1.25)") == 0.25)
        #expect(try F.string("decimal-time('')") == "")
        #expect(try F.evaluationError("decimal-time('noon')") == .notADate(function: "decimal-time", value: "noon"))
    }

    @Test func formatDate() throws {
        #expect(try F.string("format-date(today(), '%Y-%m')") == "2024-05")
        #expect(try F.string("format-date('2024-05-01', '%Y-%m-%d %y %n/%e %b %a')") == "2024-05-01 24 5/1 May Wed")
        #expect(try F.string("format-date(date('2020-01-31') + 1, '%d %b %Y, %a')") == "01 Feb 2020, Sat")
        #expect(try F.string("format-date('2009-03-07', '%e.%n.%y')") == "7.3.09")
        #expect(try F.string("format-date(${d}, '%Y')", ["d": ""]) == "")
        #expect(try F.string("format-date('2024-05-01', '100%% %q')") == "100% %q")
    }

    @Test func formatDateTime() throws {
        #expect(try F.string("format-date-time('2024-05-01T07:08:09.012+03:00', '%H:%M:%S.%3 %h')") == "07:08:09.012 7")
        #expect(try F.string("format-date-time(now(), '%Y-%m-%d %H:%M')") == "2024-05-01 10:30")
        #expect(try F.string("format-date-time('2024-05-01', '%H:%M')") == "00:00")
        #expect(try F.string("format-date-time(18262.75, '%Y-%m-%d %H:%M')") == "2020-01-01 18:00")
    }
}
