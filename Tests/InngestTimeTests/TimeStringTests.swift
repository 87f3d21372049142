import InngestTime
import Testing

@Suite("TimeString")
struct TimeStringTests {
    @Test(
        "Valid time strings parse exactly",
        arguments: [
            ("500ms", Duration.milliseconds(500)),
            ("30s", .seconds(30)),
            ("5m", .seconds(300)),
            ("1h30m", .seconds(5_400)),
            ("2h45m30s", .seconds(9_930)),
            ("2d", .seconds(172_800)),
            ("1w", .seconds(604_800)),
            ("1w2d", .seconds(777_600)),
            ("1.5h", .seconds(5_400)),
            ("0.5ms", .microseconds(500)),
            (".5s", .milliseconds(500)),
            ("1.s", .seconds(1)),
            ("+5s", .seconds(5)),
            ("1h0m", .seconds(3_600)),
            ("1ns", .nanoseconds(1)),
            ("1us", .microseconds(1)),
            ("1µs", .microseconds(1)),
            ("1μs", .microseconds(1)),
            ("1.000000001s", .nanoseconds(1_000_000_001)),
            ("1.0000000019s", .nanoseconds(1_000_000_001)),
            ("0.333333333333333333333333h", .nanoseconds(1_199_999_999_999)),
            ("2562047h", .seconds(9_223_369_200)),
        ]
    )
    func parse(text: String, expected: Duration) throws {
        #expect(try TimeString.parse(text) == expected)
    }

    @Test(
        "Invalid time strings are rejected with advice",
        arguments: [
            ("", "empty"),
            ("5", "has no unit"),
            ("5x", "Unknown unit 'x'"),
            ("5S", "Unknown unit 'S'"),
            ("5sec", "Unknown unit 'sec'"),
            ("-5s", "negative"),
            ("0s", "zero"),
            ("0", "has no unit"),
            ("0.0h", "zero"),
            ("0.0000000001s", "zero"),
            ("1h-2m", "contains '-'"),
            ("h", "Expected a number"),
            ("+", "has no number"),
            ("1 h", "Unknown unit ' h'"),
            (" 5s", "Expected a number"),
            ("5s ", "Unknown unit 's '"),
            ("..5s", "Expected a number"),
            (".s", "Expected a number"),
            ("1e3s", "Unknown unit 'e'"),
            ("9999999999999999999h", "too long"),
            ("2562048h", "too long"),
            ("200000w", "too long"),
            ("99999999999999999999999999ns", "too long"),
            ("🚀", "Expected a number"),
        ]
    )
    func invalid(text: String, says: String) {
        #expect {
            try TimeString.parse(text)
        } throws: { error in
            guard let error = error as? TimeStringError else {
                return false
            }
            return error.message.contains(says) && error.description == error.message
        }
    }

    @Test(
        "Durations format compactly",
        arguments: [
            (Duration.seconds(5_400), "1h30m"),
            (.seconds(30), "30s"),
            (.milliseconds(1_500), "1s500ms"),
            (.seconds(90_000), "25h"),
            (.seconds(90_061), "25h1m1s"),
            (.milliseconds(1), "1ms"),
            (.microseconds(1_500), "1ms500us"),
            (.nanoseconds(1), "1ns"),
            (.seconds(3_600), "1h"),
            (.seconds(60), "1m"),
            (.zero, "0s"),
            (.seconds(-90), "-1m30s"),
        ]
    )
    func format(duration: Duration, expected: String) {
        #expect(TimeString.format(duration) == expected)
    }

    @Test(
        "Formatting then parsing returns the same duration",
        arguments: [
            Duration.nanoseconds(1), .microseconds(7), .milliseconds(999), .seconds(1), .milliseconds(61_001),
            .seconds(86_399), .seconds(86_400 * 365), .nanoseconds(123_456_789_012), .nanoseconds(Int64.max),
        ]
    )
    func roundTripDuration(duration: Duration) throws {
        #expect(try TimeString.parse(TimeString.format(duration)) == duration)
    }

    @Test(
        "Parsing then formatting gives the canonical spelling",
        arguments: [
            ("1.5h", "1h30m"), ("90s", "1m30s"), ("2d", "48h"), ("1w", "168h"), ("500ms", "500ms"),
            ("0.25s", "250ms"), ("1h0m0s", "1h"), ("3600s", "1h"), ("1500us", "1ms500us"),
        ]
    )
    func roundTripText(text: String, canonical: String) throws {
        #expect(TimeString.format(try TimeString.parse(text)) == canonical)
        #expect(try TimeString.parse(canonical) == TimeString.parse(text))
    }
}
