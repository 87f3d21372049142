import Foundation
import InngestTime
import Testing

/// Input a code generator may be fed by mistake or malice: nothing may crash or hang.
@Suite("CronExpression hostile input")
struct CronHostileInputTests {
    @Test("Very long strings are rejected at the length limit without being parsed")
    func veryLong() throws {
        let megabyte = String(repeating: "* ", count: 500_000)
        let error = try #require(parseError(megabyte))
        #expect(error.offset == 255)
        #expect(error.length == 1_000_000 - 255)
        let longZone = "TZ=" + String(repeating: "A", count: 300) + " 0 0 * * *"
        #expect(try #require(parseError(longZone)).offset == 255)
        // Exactly 255 characters is allowed.
        let padded = "0 0 * * *" + String(repeating: " ", count: 246)
        #expect(padded.count == 255)
        #expect(parseError(padded) == nil)
        #expect(parseError(padded + " ") != nil)
        // A huge whitespace-only string is "empty".
        #expect(try #require(parseError(String(repeating: " ", count: 100_000))).message.contains("empty"))
    }

    @Test(
        "Huge numbers are out of range, not crashes",
        arguments: [
            ("99999999999999999999 * * * *", 0, 20),
            ("0 99999999999999999999 * * *", 2, 20),
            ("0 0 99999999999999999999 * *", 4, 20),
            ("0 0 * 99999999999999999999 *", 6, 20),
            ("0 0 * * 99999999999999999999", 8, 20),
            ("1-99999999999999999999 * * * *", 2, 20),
            ("9223372036854775807 * * * *", 0, 19),
            ("9223372036854775808 * * * *", 0, 19),
            ("*/99999999999999999999 * * * *", 2, 20),
            ("0 0 * * 0/9223372036854775807", 10, 19),
        ]
    )
    func hugeNumbers(text: String, offset: Int, length: Int) throws {
        let error = parseError(text)
        if text == "0 0 * * 0/9223372036854775807" {
            // A step larger than the range is allowed (as in robfig): only the start fires.
            #expect(error == nil)
            return
        }
        let found = try #require(error)
        #expect(found.offset == offset)
        #expect(found.length == length)
        #expect(found.message.contains("…") || found.message.count < 200)
    }

    @Test(
        "Unicode is rejected with offsets counted in Characters",
        arguments: [
            ("é * * * *", 0, 1),
            ("0 0 * * 👍🏽", 8, 1),
            ("0\u{301} 0 * * *", 0, 1),
            ("٣ * * * *", 0, 1),
            ("１ * * * *", 0, 1),
            ("🚀🚀 🚀 * * *", 0, 2),
            ("0 0 * * MÖN", 8, 3),
            ("TZ=Europe/Pärïs 0 0 * * *", 3, 12),
            ("TZ=🚀 0 0 * * *", 3, 1),
            ("0 0 * * *\u{0}", 8, 2),
        ]
    )
    func unicode(text: String, offset: Int, length: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.offset == offset)
        #expect(error.length == length)
        #expect(error.offset + error.length <= text.count)
    }

    @Test("Unicode whitespace separates fields, as Go's strings.Fields does")
    func unicodeWhitespace() throws {
        let expression = try CronExpression("0\u{A0}0\u{2003}*\u{3000}*\r\n*")
        #expect(iso(expression.nextFire(after: try instant("2026-01-01T00:00:00Z"))) == "2026-01-02T00:00:00Z")
    }

    @Test("Lists with many commas")
    func manyCommas() throws {
        let minutes = (0..<60).map(String.init).joined(separator: ",")
        #expect(minutes.count < 255)
        let everyMinute = try CronExpression("\(minutes) * * * *")
        #expect(fires(everyMinute, after: try instant("2026-01-01T00:00:00Z"), count: 3) == [
            "2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z", "2026-01-01T00:03:00Z",
        ])
        let repeated = Array(repeating: "5", count: 120).joined(separator: ",")
        #expect(parseError("\(repeated) * * * *") == nil)
        #expect(parseError(String(repeating: ",", count: 200) + " * * * *")?.offset == 0)
    }

    @Test("Path-like and odd time zone names are rejected, not loaded", arguments: [
        "../../../etc/passwd", "/etc/localtime", "Europe/../Europe/Paris", "Europe/Paris\u{0}", "%s%s%n", "Local",
    ])
    func oddZones(zone: String) throws {
        let error = try #require(parseError("TZ=\(zone) 0 0 * * *"))
        #expect(error.offset == 3)
    }

    @Test("Generated garbage never crashes, and whatever parses has a next fire time")
    func fuzz() throws {
        // A fixed-seed linear congruential generator keeps the test deterministic.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "0", "1", "5", "7", "12", "23", "29", "30", "31", "59", "60", "99999999999999999999",
            "*", "?", "/", "-", ",", " ", " ", " ", "\t", "MON", "fri", "JAN", "dec", "@", "=", "TZ=",
            "é", "🚀", "L", "#", ".",
        ]
        let common = ["*", "*/5", "*/2", "1-5", "2-4/2", "1", "2", "3", "3/7"]
        let specific = [
            ["0", "59", "30"], ["0", "23", "12"], ["13", "28", "29", "30", "31", "?", "30-31"],
            ["feb", "APR", "11", "12", "jan-mar", "2"], ["0", "5", "6", "?", "MON-FRI", "sun", "*/1"],
        ]
        let start = try instant("2026-01-01T00:00:00Z")
        var parsed = 0
        for _ in 0..<3_000 {
            // Mostly five space-separated fields built from plausible pieces, sometimes not.
            var fields: [String] = []
            for index in 0..<(next(4) == 0 ? 1 + next(8) : 5) {
                let choices = common + (index < specific.count ? specific[index] : [])
                switch next(8) {
                case 0:
                    fields.append((0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined())
                case 1:
                    fields.append((0..<(2 + next(3))).map { _ in choices[next(choices.count)] }.joined(separator: ","))
                default:
                    fields.append(choices[next(choices.count)])
                }
            }
            let text = fields.joined(separator: " ")
            if let error = parseError(text) {
                #expect(error.length >= 1)
                #expect(error.offset >= 0)
                #expect(error.offset + error.length <= max(text.count, 1))
            } else {
                parsed += 1
                let expression = try CronExpression(text)
                let fire = try #require(expression.nextFire(after: start))
                #expect(fire > start)
            }
        }
        #expect(parsed > 100)
    }
}
