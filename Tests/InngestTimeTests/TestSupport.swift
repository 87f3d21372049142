import Foundation
import InngestTime
import Testing

/// Parses an ISO 8601 instant such as "2026-01-01T00:07:00Z" for use as a fixture.
func instant(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

/// Formats an instant as ISO 8601 in UTC, for readable expectations.
func iso(_ date: Date?) -> String? {
    date.map { $0.formatted(.iso8601) }
}

/// The next `count` fire times of `expression` after `start`, as ISO 8601 strings.
func fires(_ expression: CronExpression, after start: Date, count: Int) -> [String] {
    var result: [String] = []
    var date = start
    for _ in 0..<count {
        guard let next = expression.nextFire(after: date) else {
            break
        }
        result.append(next.formatted(.iso8601))
        date = next
    }
    return result
}

/// Parses `text`, returning the error it throws, or `nil` if it parses.
func parseError(_ text: String) -> CronParseError? {
    do {
        _ = try CronExpression(text)
        return nil
    } catch {
        return error
    }
}
