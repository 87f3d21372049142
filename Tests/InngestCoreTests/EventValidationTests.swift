import Foundation
import InngestCore
import Testing

/// What `send` refuses: anything that could not be stored and read back exactly, and times the
/// clock can never reach. Each is a thrown `InvalidEventError`, never a trap.
@Suite struct EventValidationTests {
    private struct Ping: Event {
        static let name = "test/ping"
        var id = "p"
    }

    private func problem(_ event: InngestEvent, now: Date? = nil) -> String? {
        do {
            try event.validate(now: now)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [1e300, -1e300, .nan, .infinity, -.infinity, -1, 253_402_300_800])
    func deliveryTimesOutsideTheRangeAreThrownNotTrapped(_ seconds: Double) {
        #expect(throws: InvalidEventError.self, "\(seconds)") {
            try InngestEvent(Ping(), at: Date(timeIntervalSince1970: seconds))
        }
    }

    @Test func timestampsOutsideTheRangeOrTooFarAheadAreRefused() throws {
        for ts in [Int64.max, Int64.min, -1, InngestEvent.latestTimestamp + 1] {
            #expect(problem(InngestEvent(name: "a/b", ts: ts))?.contains("outside 0") == true, "\(ts)")
        }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let day: Int64 = 86_400_000
        let nowMs: Int64 = 1_800_000_000_000
        #expect(problem(InngestEvent(name: "a/b", ts: nowMs + 367 * day), now: now)?.contains("more than 366 days in the future") == true)
        #expect(problem(InngestEvent(name: "a/b", ts: nowMs + 365 * day), now: now) == nil)
        #expect(problem(InngestEvent(name: "a/b", ts: 0), now: now) == nil, "a time in the past is only informational")
        #expect(try InngestEvent(Ping(), at: Date(timeIntervalSince1970: 1.25)).ts == 1_250)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefusedWithTheirPath(_ number: Double) {
        let event = InngestEvent(name: "a/b", data: .object(["items": .array([.object(["price": .double(number)])])]))
        #expect(problem(event)?.contains("data.items[0].price is \(number)") == true)
        let user = InngestEvent(name: "a/b", user: .object(["score": .double(number)]))
        #expect(problem(user)?.contains("user.score") == true)
    }

    @Test func payloadsNestedTooDeeplyAreRefusedWithoutRecursion() {
        for depth in [101, 510, 4_000] {
            var data = JSONValue.object([:])
            for _ in 1..<depth { data = .object(["a": data]) }
            #expect(problem(InngestEvent(name: "a/b", data: data))?.contains("nested more than 100 levels") == true, "\(depth)")
        }
        var fine = JSONValue.object([:])
        for _ in 1..<100 { fine = .object(["a": fine]) }
        #expect(problem(InngestEvent(name: "a/b", data: fine)) == nil)
    }

    @Test(arguments: ["t/typed\u{0}evil", "line\nbreak", "tab\there", "del\u{7F}"])
    func controlCharactersInNamesAreRefused(_ name: String) {
        #expect(problem(InngestEvent(name: name))?.contains("names are printable text") == true, "\(name.debugDescription)")
    }

    @Test func controlCharactersInIdsAreRefusedAndEmptyIdsToo() {
        #expect(problem(InngestEvent(name: "a/b", id: "order-1\u{0}a"))?.contains("a NUL character") == true)
        #expect(problem(InngestEvent(name: "a/b", id: "x\r\n"))?.contains("ids are printable text") == true)
        #expect(problem(InngestEvent(name: "a/b", id: ""))?.contains("id is empty") == true)
        #expect(problem(InngestEvent(name: "a/b", id: "émoji-😀 ok")) == nil)
    }

    @Test func dataMayHoldNULAndAnyUnicode() {
        #expect(problem(InngestEvent(name: "a/b", data: .object(["note": .string("a\u{0}b\u{1}😀")]))) == nil)
    }

    @Test func envelopesReadBackExactlyAndRefuseWrongShapes() throws {
        let event = InngestEvent(name: "a/b", data: .object(["n": .integer(9_007_199_254_740_993)]), id: "k", ts: 5,
                                 user: .object([:]), v: "2")
        #expect(try InngestEvent(json: JSONValue(json: event.jsonValue.jsonBytes)) == event)
        #expect(try InngestEvent(json: .object(["name": .string("a/b")])).data == .object([:]))
        for bad: JSONValue in [.null, .array([]), .object([:]), .object(["name": .integer(1)]),
                               .object(["name": .string("a"), "ts": .string("now")]), .object(["name": .string("a"), "id": .integer(3)])] {
            #expect(throws: InvalidEventError.self, "\(bad.jsonString)") { try InngestEvent(json: bad) }
        }
    }
}
