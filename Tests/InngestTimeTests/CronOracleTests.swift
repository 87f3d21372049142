import Foundation
import InngestTime
import Testing

/// Compares `nextFire` with a brute-force search that checks every minute with `Calendar`.
@Suite("CronExpression against a brute-force oracle")
struct CronOracleTests {
    /// Wall-clock fields of one minute, as `Calendar` reports them.
    struct Fields: Hashable {
        let year, month, day, hour, minute, weekday: Int
    }

    /// An expression with an independent statement of what it matches.
    struct Rule: Sendable, CustomTestStringConvertible {
        let expression: String
        let matches: @Sendable (Fields) -> Bool
        var testDescription: String { expression }
    }

    static let rules: [Rule] = [
        Rule(expression: "* * * * *") { _ in true },
        Rule(expression: "*/7 * * * *") { $0.minute % 7 == 0 },
        Rule(expression: "30 2 * * *") { $0.hour == 2 && $0.minute == 30 },
        Rule(expression: "0,30 1-3 * * *") { (1...3).contains($0.hour) && $0.minute % 30 == 0 },
        Rule(expression: "15 1 * * SUN") { $0.hour == 1 && $0.minute == 15 && $0.weekday == 0 },
        Rule(expression: "45 */2 13 * FRI") {
            $0.minute == 45 && $0.hour % 2 == 0 && ($0.day == 13 || $0.weekday == 5)
        },
        Rule(expression: "*/20 0-3 1-10 * mon") {
            $0.minute % 20 == 0 && $0.hour <= 3 && ($0.day <= 10 || $0.weekday == 1)
        },
        Rule(expression: "10/25 22-23,0-2 * * *") {
            [10, 35].contains($0.minute) && [22, 23, 0, 1, 2].contains($0.hour)
        },
    ]

    /// Windows around the 2025 daylight-saving changes (settled history in every tzdata
    /// release), plus a leap day in UTC.
    static let windows: [(zone: String, start: String)] = [
        ("UTC", "2028-02-27T00:00:00Z"),
        ("Europe/Paris", "2025-03-28T00:00:00Z"),
        ("Europe/Paris", "2025-10-24T00:00:00Z"),
        ("America/New_York", "2025-03-07T00:00:00Z"),
        ("America/New_York", "2025-10-31T00:00:00Z"),
        ("Australia/Lord_Howe", "2025-04-04T00:00:00Z"),
        ("Australia/Lord_Howe", "2025-10-03T00:00:00Z"),
    ]

    /// The fire times in `[start, start + minutes)`, found by checking every minute and
    /// firing a wall-clock time only the first time it is seen.
    static func bruteForce(_ rule: Rule, zone: TimeZone, start: Date, minutes: Int) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var seen = Set<Fields>()
        var result: [Date] = []
        for index in 0..<minutes {
            let date = start.addingTimeInterval(TimeInterval(index * 60))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour,
                let minute = parts.minute, let weekday = parts.weekday
            else {
                continue
            }
            let fields = Fields(year: year, month: month, day: day, hour: hour, minute: minute, weekday: weekday - 1)
            if seen.insert(fields).inserted, rule.matches(fields) {
                result.append(date)
            }
        }
        return result
    }

    @Test("nextFire agrees with minute-by-minute search across DST changes", arguments: rules)
    func agreesWithBruteForce(rule: Rule) throws {
        for window in Self.windows {
            let zone = try #require(TimeZone(identifier: window.zone))
            let start = try instant(window.start)
            let minutes = 4 * 24 * 60
            let expected = Self.bruteForce(rule, zone: zone, start: start, minutes: minutes)
            let expression = try CronExpression("TZ=\(window.zone) \(rule.expression)")
            var got: [Date] = []
            var date = start.addingTimeInterval(-1)
            let end = start.addingTimeInterval(TimeInterval(minutes * 60))
            while let next = expression.nextFire(after: date), next < end {
                got.append(next)
                date = next
            }
            // Report only the first disagreement; the lists are thousands of entries long.
            let firstDifference =
                zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(got.count, expected.count)
            #expect(
                got.count == expected.count && firstDifference == got.count,
                """
                \(window.zone) from \(window.start): \(got.count) fires, expected \(expected.count); first difference at \
                \(firstDifference): got \(iso(got.dropFirst(firstDifference).first) ?? "nothing"), \
                expected \(iso(expected.dropFirst(firstDifference).first) ?? "nothing")
                """
            )
        }
    }
}
