import Foundation
import InngestTime
import Testing

/// Valid expressions and the properties of a parsed expression.
@Suite("CronExpression parsing")
struct CronExpressionTests {
    @Test(
        "Valid expressions parse",
        arguments: [
            "* * * * *",
            "0 0 * * ?",
            "0 0 ? * MON",
            "*/5 * * * *",
            "0-59/15 * * * *",
            "5/15 * * * *",
            "0 0 1,15 * *",
            "0 0 * jan-mar mon-fri",
            "0 0 * JAN-DEC/3 SUN-SAT/2",
            "0 9 * * Mon,Wed,FRI",
            "0 0 * * 0",
            "0 0 * * 6",
            "*/1 * * * *",
            "*/100 * * * *",
            "59 23 31 12 6",
            "0 0 29 2 *",
            "0 0 31 * *",
            "0 0 30 2 MON",
            "05 09 * * *",
            "0,5,10,15,20,25,30,35,40,45,50,55 * * * *",
            "*,5 * * * *",
            "  0  0  *  *  *  ",
            "0\t0\t*\t*\t*",
            "0 0 * * *\n",
            "TZ=UTC 0 0 * * *",
            "TZ=Europe/Paris 0 2 * * *",
            "CRON_TZ=America/New_York 0 9 * * 1-5",
            "TZ=Asia/Kolkata   30 9 * * *",
        ]
    )
    func valid(text: String) throws {
        let expression = try CronExpression(text)
        #expect(expression.source == text)
        #expect(expression.description == text)
        #expect(expression.nextFire(after: try instant("2026-01-01T00:00:00Z")) != nil)
    }

    @Test("The time zone prefix sets timeZoneIdentifier; no prefix means UTC")
    func timeZoneIdentifier() throws {
        #expect(try CronExpression("0 0 * * *").timeZoneIdentifier == nil)
        #expect(try CronExpression("TZ=Europe/Paris 0 0 * * *").timeZoneIdentifier == "Europe/Paris")
        #expect(try CronExpression("CRON_TZ=America/New_York 0 0 * * *").timeZoneIdentifier == "America/New_York")
        let utc = try CronExpression("0 2 * * *")
        #expect(iso(utc.nextFire(after: try instant("2026-07-01T00:00:00Z"))) == "2026-07-01T02:00:00Z")
    }

    @Test("Expressions are hashable values keyed by their text")
    func hashable() throws {
        let a = try CronExpression("0 9 * * MON-FRI")
        let b = try CronExpression("0 9 * * MON-FRI")
        let c = try CronExpression("0 9 * * 1-5")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test("Day-of-week names and numbers are interchangeable, in any case")
    func names() throws {
        let start = try instant("2026-01-01T00:00:00Z")
        let byName = fires(try CronExpression("0 0 * * mon-FRI"), after: start, count: 20)
        let byNumber = fires(try CronExpression("0 0 * * 1-5"), after: start, count: 20)
        #expect(byName == byNumber)
        let months = fires(try CronExpression("0 0 1 Jan,APR,jul,oct *"), after: start, count: 8)
        #expect(months == fires(try CronExpression("0 0 1 1-12/3 *"), after: start, count: 8))
    }
}
