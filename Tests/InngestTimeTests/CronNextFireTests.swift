import Foundation
import InngestTime
import Testing

/// Fire times of valid expressions from fixed instants.
@Suite("CronExpression.nextFire")
struct CronNextFireTests {
    /// An expression, a starting instant and the fire times expected after it.
    struct Case: Sendable, CustomTestStringConvertible {
        let expression: String
        let after: String
        let expected: [String]
        var testDescription: String { "'\(expression)' after \(after)" }

        init(_ expression: String, after: String, _ expected: [String]) {
            self.expression = expression
            self.after = after
            self.expected = expected
        }
    }

    static let utcCases: [Case] = [
        Case("*/15 * * * *", after: "2026-01-01T00:07:00Z", [
            "2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z", "2026-01-01T01:00:00Z",
        ]),
        Case("* * * * *", after: "2026-01-01T00:07:00Z", ["2026-01-01T00:08:00Z", "2026-01-01T00:09:00Z"]),
        Case("* * * * *", after: "2026-01-01T00:07:59Z", ["2026-01-01T00:08:00Z"]),
        Case("0 * * * *", after: "2026-12-31T23:00:00Z", ["2027-01-01T00:00:00Z", "2027-01-01T01:00:00Z"]),
        Case("0 9 * * MON-FRI", after: "2026-01-02T10:00:00Z", [
            "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z", "2026-01-07T09:00:00Z", "2026-01-08T09:00:00Z",
            "2026-01-09T09:00:00Z", "2026-01-12T09:00:00Z",
        ]),
        Case("0 9 * * 1-5", after: "2026-01-09T09:00:00Z", ["2026-01-12T09:00:00Z"]),
        Case("0 0 1 * *", after: "2026-01-15T12:00:00Z", [
            "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z",
        ]),
        Case("0 0 31 * *", after: "2026-01-31T00:00:00Z", [
            "2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z", "2026-08-31T00:00:00Z",
        ]),
        Case("5,10-12,40-50/5 * * * *", after: "2026-01-01T00:00:00Z", [
            "2026-01-01T00:05:00Z", "2026-01-01T00:10:00Z", "2026-01-01T00:11:00Z", "2026-01-01T00:12:00Z",
            "2026-01-01T00:40:00Z", "2026-01-01T00:45:00Z", "2026-01-01T00:50:00Z", "2026-01-01T01:05:00Z",
        ]),
        Case("10/20 * * * *", after: "2026-01-01T00:00:00Z", [
            "2026-01-01T00:10:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:50:00Z", "2026-01-01T01:10:00Z",
        ]),
        Case("0 */6 * * *", after: "2026-01-01T00:00:00Z", [
            "2026-01-01T06:00:00Z", "2026-01-01T12:00:00Z", "2026-01-01T18:00:00Z", "2026-01-02T00:00:00Z",
        ]),
        Case("30 8-10/2 * * *", after: "2026-01-01T00:00:00Z", [
            "2026-01-01T08:30:00Z", "2026-01-01T10:30:00Z", "2026-01-02T08:30:00Z",
        ]),
        Case("*/100 * * * *", after: "2026-01-01T00:00:00Z", ["2026-01-01T01:00:00Z"]),
        Case("0 0 1 JAN,jul *", after: "2026-01-01T00:00:00Z", [
            "2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z",
        ]),
        Case("0 0 1 feb-apr/2 *", after: "2026-01-01T00:00:00Z", [
            "2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z", "2027-02-01T00:00:00Z",
        ]),
        Case("59 23 31 12 *", after: "2026-06-01T00:00:00Z", ["2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z"]),
        Case("05 09 * * *", after: "2026-01-01T00:00:00Z", ["2026-01-01T09:05:00Z"]),
        // Day-of-month OR day-of-week when both are restricted: every 13th and every Friday.
        Case("0 0 13 * FRI", after: "2026-04-01T00:00:00Z", [
            "2026-04-03T00:00:00Z", "2026-04-10T00:00:00Z", "2026-04-13T00:00:00Z", "2026-04-17T00:00:00Z",
            "2026-04-24T00:00:00Z", "2026-05-01T00:00:00Z",
        ]),
        // AND when one side is unrestricted: Sundays in January only.
        Case("0 0 * 1 SUN", after: "2026-01-01T00:00:00Z", [
            "2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z", "2026-01-18T00:00:00Z", "2026-01-25T00:00:00Z",
            "2027-01-03T00:00:00Z",
        ]),
        // '?' is unrestricted, like '*'.
        Case("0 12 1 * ?", after: "2026-01-01T12:00:00Z", ["2026-02-01T12:00:00Z", "2026-03-01T12:00:00Z"]),
        Case("0 12 ? * sat", after: "2026-01-01T00:00:00Z", ["2026-01-03T12:00:00Z", "2026-01-10T12:00:00Z"]),
        // '*/1' counts as unrestricted (robfig keeps its star bit), so this is AND: days 1-3 only.
        Case("0 0 1-3 * */1", after: "2026-01-01T00:00:00Z", [
            "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-02-01T00:00:00Z",
        ]),
        // '*/2' is restricted (robfig clears the star bit), so this is OR: day 1, or Sun/Tue/Thu/Sat.
        Case("0 0 1 * */2", after: "2026-01-01T00:00:00Z", [
            "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-06T00:00:00Z", "2026-01-08T00:00:00Z",
        ]),
        // Day 0 of the week is Sunday.
        Case("0 0 * * 0", after: "2026-01-01T00:00:00Z", ["2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z"]),
        // Leap days.
        Case("0 0 29 2 *", after: "2026-01-01T00:00:00Z", [
            "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z", "2036-02-29T00:00:00Z",
        ]),
        Case("0 0 29 2 *", after: "2096-03-01T00:00:00Z", ["2104-02-29T00:00:00Z"]),
    ]

    @Test("Fire times in UTC", arguments: utcCases)
    func utc(testCase: Case) throws {
        let expression = try CronExpression(testCase.expression)
        let got = fires(expression, after: try instant(testCase.after), count: testCase.expected.count)
        #expect(got == testCase.expected)
    }

    // Daylight-saving cases use 2025, whose rules are settled history in every tzdata release.
    static let zonedCases: [Case] = [
        // Paris is UTC+1 in winter and UTC+2 in summer.
        Case("TZ=Europe/Paris 0 2 * * *", after: "2025-01-01T00:00:00Z", [
            "2025-01-01T01:00:00Z", "2025-01-02T01:00:00Z",
        ]),
        Case("TZ=Europe/Paris 0 2 * * *", after: "2025-07-01T00:00:00Z", [
            "2025-07-02T00:00:00Z", "2025-07-03T00:00:00Z",
        ]),
        Case("CRON_TZ=Europe/Paris 0 2 * * *", after: "2025-07-01T00:00:00Z", ["2025-07-02T00:00:00Z"]),
        // Paris springs forward on 2025-03-30 at 02:00, so 02:00 does not exist that day.
        Case("TZ=Europe/Paris 0 2 * * *", after: "2025-03-29T00:00:00Z", [
            "2025-03-29T01:00:00Z", "2025-03-31T00:00:00Z",
        ]),
        // New York springs forward on 2025-03-09: 02:30 does not exist, so that day is skipped.
        Case("TZ=America/New_York 30 2 * * *", after: "2025-03-07T12:00:00Z", [
            "2025-03-08T07:30:00Z", "2025-03-10T06:30:00Z", "2025-03-11T06:30:00Z",
        ]),
        Case("TZ=America/New_York */30 * * * *", after: "2025-03-09T06:15:00Z", [
            "2025-03-09T06:30:00Z", "2025-03-09T07:00:00Z", "2025-03-09T07:30:00Z",
        ]),
        // New York falls back on 2025-11-02: 01:00-01:59 happens twice, and fires once (first pass, EDT).
        Case("TZ=America/New_York 30 1 * * *", after: "2025-11-01T12:00:00Z", [
            "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z",
        ]),
        Case("TZ=America/New_York */30 * * * *", after: "2025-11-02T04:45:00Z", [
            "2025-11-02T05:00:00Z", "2025-11-02T05:30:00Z", "2025-11-02T07:00:00Z", "2025-11-02T07:30:00Z",
        ]),
        // Starting inside the repeated hour (01:10 EST) does not fire the repeated times again.
        Case("TZ=America/New_York */30 * * * *", after: "2025-11-02T06:10:00Z", ["2025-11-02T07:00:00Z"]),
        // Half-hour offsets.
        Case("TZ=Asia/Kolkata 0 9 * * *", after: "2025-01-01T00:00:00Z", ["2025-01-01T03:30:00Z"]),
        // Lord Howe Island shifts by 30 minutes; on 2025-10-05 local 02:00-02:29 does not exist.
        Case("TZ=Australia/Lord_Howe 15 2 * * *", after: "2025-10-03T12:00:00Z", [
            "2025-10-03T15:45:00Z", "2025-10-05T15:15:00Z",
        ]),
        // Samoa skipped 2011-12-30 entirely when it moved across the date line.
        Case("TZ=Pacific/Apia 0 12 * * *", after: "2011-12-29T22:00:00Z", [
            "2011-12-30T22:00:00Z", "2011-12-31T22:00:00Z",
        ]),
        Case("TZ=UTC 0 0 * * *", after: "2026-01-01T00:00:00Z", ["2026-01-02T00:00:00Z"]),
    ]

    @Test("Fire times in other time zones, across daylight-saving changes", arguments: zonedCases)
    func zoned(testCase: Case) throws {
        let expression = try CronExpression(testCase.expression)
        let got = fires(expression, after: try instant(testCase.after), count: testCase.expected.count)
        #expect(got == testCase.expected)
    }

    @Test("The next fire time is strictly after the given instant")
    func strictlyAfter() throws {
        let expression = try CronExpression("*/15 * * * *")
        let onTheDot = try instant("2026-01-01T00:15:00Z")
        #expect(iso(expression.nextFire(after: onTheDot)) == "2026-01-01T00:30:00Z")
        let justBefore = onTheDot.addingTimeInterval(-0.001)
        #expect(iso(expression.nextFire(after: justBefore)) == "2026-01-01T00:15:00Z")
        let justAfter = onTheDot.addingTimeInterval(0.001)
        #expect(iso(expression.nextFire(after: justAfter)) == "2026-01-01T00:30:00Z")
    }

    @Test("Instants before 1970 and far in the future work; non-finite instants give nil")
    func extremeInstants() throws {
        let expression = try CronExpression("0 0 1 1 *")
        #expect(iso(expression.nextFire(after: try instant("1900-06-01T00:00:00Z"))) == "1901-01-01T00:00:00Z")
        #expect(iso(expression.nextFire(after: try instant("1969-12-31T23:59:59Z"))) == "1970-01-01T00:00:00Z")
        let farFuture = try #require(expression.nextFire(after: Date.distantFuture))
        #expect(farFuture > Date.distantFuture)
        #expect(expression.nextFire(after: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(expression.nextFire(after: Date(timeIntervalSince1970: -.infinity)) == nil)
        #expect(expression.nextFire(after: Date(timeIntervalSince1970: .nan)) == nil)
        #expect(expression.nextFire(after: Date(timeIntervalSince1970: 1e300)) == nil)
    }

    @Test("Successive fire times of '*/5 * * * *' are five minutes apart over a year")
    func successiveFiveMinutes() throws {
        let expression = try CronExpression("*/5 * * * *")
        var date = try instant("2026-01-01T00:00:00Z")
        for _ in 0..<(365 * 24 * 12) {
            let next = try #require(expression.nextFire(after: date))
            #expect(next.timeIntervalSince(date) == 300)
            date = next
        }
        #expect(iso(date) == "2027-01-01T00:00:00Z")
    }
}
