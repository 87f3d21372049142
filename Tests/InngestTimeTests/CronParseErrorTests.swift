import InngestTime
import Testing

/// Every kind of invalid expression, with where the error points and what it says.
@Suite("CronExpression parse errors")
struct CronParseErrorTests {
    /// Invalid text, the expected error span, and a fragment the message must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let offset: Int
        let length: Int
        let says: String
        var testDescription: String { "\(text.debugDescription) → \(offset)+\(length)" }

        init(_ text: String, _ offset: Int, _ length: Int, _ says: String) {
            self.text = text
            self.offset = offset
            self.length = length
            self.says = says
        }
    }

    static let cases: [Case] = [
        // Empty and too long.
        Case("", 0, 1, "empty"),
        Case("   \t ", 0, 5, "empty"),
        Case(String(repeating: "*", count: 300), 255, 45, "the limit is 255"),
        // Descriptors.
        Case("@daily", 0, 6, "Inngest's sync validation rejects descriptors; write '0 0 * * *'"),
        Case("@midnight", 0, 9, "write '0 0 * * *'"),
        Case("@hourly", 0, 7, "write '0 * * * *'"),
        Case("@weekly", 0, 7, "write '0 0 * * 0'"),
        Case("@monthly", 0, 8, "write '0 0 1 * *'"),
        Case("@yearly", 0, 7, "write '0 0 1 1 *'"),
        Case("@annually", 0, 9, "write '0 0 1 1 *'"),
        Case("@every 5m", 0, 9, "rejects descriptors"),
        Case("TZ=Europe/Paris @daily", 16, 6, "rejects descriptors"),
        // Field counts.
        Case("0 0 * * * *", 0, 1, "no seconds field"),
        Case("0 30 9 * * ?", 0, 1, "remove the first (seconds) field"),
        Case("0 0 12 * * ? 2026", 0, 17, "no seconds or year"),
        Case("0 0 * *", 0, 7, "exactly 5"),
        Case("*", 0, 1, "add the missing 4 fields"),
        Case("TZ=Europe/Paris 0 2 * *", 16, 7, "exactly 5"),
        Case("1 2 3 4 5 6 7 8", 10, 5, "remove the extra fields"),
        // Time zones.
        Case("TZ=Mars/Olympus_Mons 0 0 * * *", 3, 17, "Unknown time zone 'Mars/Olympus_Mons'"),
        Case("CRON_TZ=Nowhere 0 0 * * *", 8, 7, "IANA time zone"),
        Case("TZ= 0 0 * * *", 0, 3, "time zone after 'TZ=' is missing"),
        Case("CRON_TZ= 0 0 * * *", 0, 8, "time zone after 'CRON_TZ=' is missing"),
        Case("TZ=Europe/Paris", 3, 12, "add a space and five fields"),
        Case("TZ=Europe/Paris   ", 3, 12, "add a space and five fields"),
        Case("TZ=Europe/Paris\t0 2 * * *", 15, 1, "plain space"),
        Case("tz=Europe/Paris 0 0 * * *", 0, 15, "'TZ=<zone> '"),
        Case(" TZ=Europe/Paris 0 0 * * *", 1, 15, "must come first"),
        Case("TZ=Europe/Paris TZ=UTC 0 0 * * *", 16, 6, "Only one time zone prefix"),
        // Out-of-range values.
        Case("60 * * * *", 0, 2, "use 0-59"),
        Case("* 24 * * *", 2, 2, "use 0-23"),
        Case("* * 0 * *", 4, 1, "use 1-31"),
        Case("* * 32 * *", 4, 2, "use 1-31"),
        Case("* * * 0 *", 6, 1, "1-12 or JAN-DEC"),
        Case("* * * 13 *", 6, 2, "1-12 or JAN-DEC"),
        Case("0 0 * * 7", 8, 1, "write 0 for Sunday"),
        Case("0 0 * * 1-7", 10, 1, "write 0 for Sunday"),
        Case("0 0 * * 8", 8, 1, "0-6 (0 is Sunday)"),
        Case("1-60 * * * *", 2, 2, "use 0-59"),
        // Names.
        Case("0 0 * * MONDAY", 8, 6, "'MON'"),
        Case("0 0 * January *", 6, 7, "'JAN'"),
        Case("0 0 * FOO *", 6, 3, "1-12 or JAN-DEC"),
        Case("0 MON * * *", 2, 3, "use 0-23"),
        Case("0 0 JAN * *", 4, 3, "use 1-31"),
        // Steps.
        Case("*/0 * * * *", 2, 1, "step of 0"),
        Case("0 0 * * SUN-SAT/0", 16, 1, "step of 0"),
        Case("*/ * * * *", 1, 1, "Missing step"),
        Case("*/x * * * *", 2, 1, "not a number"),
        Case("*/-1 * * * *", 2, 2, "not a number"),
        Case("*/5/2 * * * *", 3, 1, "Too many '/'"),
        Case("/5 * * * *", 0, 1, "Missing range before '/'"),
        // Ranges.
        Case("5-1 * * * *", 0, 3, "runs backwards"),
        Case("0 22-2 * * *", 2, 4, "'22-23,0-2'"),
        Case("0 0 * * FRI-MON", 8, 7, "runs backwards"),
        Case("1-2-3 * * * *", 3, 1, "Too many '-'"),
        Case("1- * * * *", 1, 1, "Missing end of range"),
        Case("-5 * * * *", 0, 2, "Negative values"),
        Case("*-5 * * * *", 0, 3, "stands alone"),
        Case("** * * * *", 0, 2, "stands alone"),
        // '?' outside the day fields.
        Case("? * * * *", 0, 1, "only allowed in the day-of-month and day-of-week"),
        Case("* ? * * *", 2, 1, "write '*' in the hour field"),
        Case("* * * ? *", 6, 1, "write '*' in the month field"),
        // Lists.
        Case("1,,2 * * * *", 2, 1, "Empty entry"),
        Case(",1 * * * *", 0, 1, "Empty entry"),
        Case("1, * * * *", 1, 1, "Empty entry"),
        Case("0 0 * * ,", 8, 1, "Empty entry"),
        // Other characters.
        Case("+5 * * * *", 0, 2, "use 0-59"),
        Case("1.5 * * * *", 0, 3, "use 0-59"),
        Case("L * * * *", 0, 1, "use 0-59"),
        Case("0 0 L * *", 4, 1, "use 1-31"),
        Case("0 0 * * 5L", 8, 2, "0-6"),
        Case("0 0 * * 5#3", 8, 3, "0-6"),
        // Never fires.
        Case("0 0 30 2 *", 4, 4, "never fires"),
        Case("0 0 31 4,6,9,11 *", 4, 11, "never fires"),
        Case("0 0 30-31 2 ?", 4, 7, "never fires"),
        Case("0 0 30,31 feb */1", 4, 9, "never fires"),
    ]

    @Test("Invalid expressions are rejected with a precise location", arguments: cases)
    func rejected(testCase: Case) throws {
        let error = try #require(parseError(testCase.text))
        #expect(error.offset == testCase.offset)
        #expect(error.length == testCase.length)
        #expect(error.message.contains(testCase.says), "message: \(error.message)")
        #expect(error.offset + error.length <= max(testCase.text.count, 1))
        #expect(error.description.hasPrefix(error.message))
    }

    @Test("Every message says what to write instead", arguments: cases)
    func actionable(testCase: Case) throws {
        let error = try #require(parseError(testCase.text))
        let advice = ["write", "Write", "use", "remove", "add", "Choose"]
        #expect(advice.contains { error.message.contains($0) }, "message: \(error.message)")
    }

    @Test("The description reports 1-based columns")
    func description() throws {
        let error = try #require(parseError("0 0 * * MONDAY"))
        #expect(error.description.hasSuffix("(columns 9-14)"))
        let single = try #require(parseError("0 0 * * 7"))
        #expect(single.description.hasSuffix("(column 9)"))
    }

    @Test("Errors are equatable values")
    func equatable() {
        #expect(parseError("0 0 * * 7") == parseError("0 0 * * 7"))
        #expect(parseError("0 0 * * 7") != parseError("0 0 * * 8"))
    }
}
