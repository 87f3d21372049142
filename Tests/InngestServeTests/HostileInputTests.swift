import Foundation
import InngestCore
import InngestServe
import Testing

/// Hostile execution calls: none may crash or hang the handler, and each gets a clear status and a
/// message that names what is wrong. Nothing runs for a refused call.
@Suite struct HostileInputTests {
    private static let event = #"{"data":{"n":1},"id":"01EVENT","name":"test/event","ts":1700000000000,"user":{}}"#
    private static let ctx = #""attempt":0,"disable_immediate_execution":false,"max_attempts":5,"run_id":"01RUN","step_id":"step","use_api":false"#

    /// An execution body with parts replaced.
    private static func body(event: String = event, steps: String = "{}", ctx: String = ctx) -> String {
        #"{"ctx":{\#(ctx)},"event":\#(event),"events":[\#(event)],"steps":\#(steps),"use_api":false,"version":2}"#
    }

    private static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    private func call(_ body: [UInt8], target: String = "/api/inngest?fnId=app-fn&stepId=step",
                      counter: Counter) async throws -> ServeResponse {
        let serve = try await handler([function("fn") { context in
            counter.hit("ran")
            _ = try await context.step.run("a") { 1 }
            return .null
        }], try configuration(.dev))
        return await serve.handle(ServeRequest(method: "POST", target: target, body: body))
    }

    private func expectRefused(_ body: String, _ message: String, status: Int = 400,
                               sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let counter = Counter()
        let response = try await call(Array(body.utf8), counter: counter)
        #expect(response.status == status, "\(response.bodyText.prefix(300))", sourceLocation: sourceLocation)
        #expect(response.headers["X-Inngest-No-Retry"] == "true", sourceLocation: sourceLocation)
        #expect(response.bodyText.contains(message), "\(response.bodyText.prefix(300))", sourceLocation: sourceLocation)
        #expect(counter["ran"] == 0, sourceLocation: sourceLocation)
    }

    @Test func theBaseBodyRuns() async throws {
        let counter = Counter()
        let response = try await call(Array(Self.body().utf8), counter: counter)
        #expect(response.status == 206)
        #expect(counter["ran"] == 1)
    }

    @Test(arguments: [("", "is empty"), ("   ", "not valid JSON"), ("{", "not valid JSON"), ("nul", "not valid JSON"),
                      ("\"text\"", "must be a JSON object, not a string"), ("null", "must be a JSON object, not null"),
                      ("{}", "neither"), (#"{"event":{}}"#, "not an event"), (#"{"event":{"name":"test/event"}}"#, "run_id"),
                      ("\u{FEFF}{}", "byte order mark")])
    func malformedBodies(body: String, message: String) async throws {
        try await expectRefused(body, message)
    }

    @Test func everyTruncationIsRefused() async throws {
        let full = Array(Self.body().utf8)
        let counter = Counter()
        for length in stride(from: 1, to: full.count, by: 7) {
            let response = try await call(Array(full.prefix(length)), counter: counter)
            #expect(response.status == 400, "length \(length)")
            #expect(response.bodyText.contains("not valid JSON"))
        }
        #expect(counter["ran"] == 0)
    }

    @Test func oversizedBodiesAreRefusedUnread() async throws {
        let counter = Counter()
        let response = try await call([UInt8](repeating: UInt8(ascii: "["), count: ServeSDK.maximumRequestBodySize + 1), counter: counter)
        #expect(response.status == 413)
        #expect(response.headers["X-Inngest-No-Retry"] == "true")
        #expect(response.bodyText.contains("4 MiB"))
    }

    @Test(arguments: [4_000, 200])
    func deepNestingInEventData(depth: Int) async throws {
        let event = #"{"data":\#(Self.nested(depth)),"name":"test/event"}"#
        try await expectRefused(Self.body(event: event), "nested more than 128 levels")
    }

    @Test(arguments: [4_000, 200])
    func deepNestingInSteps(depth: Int) async throws {
        try await expectRefused(Self.body(steps: #"{"\#(StepIdentifier.hash("a"))":{"data":\#(Self.nested(depth))}}"#),
                                "nested more than 128 levels")
    }

    @Test func deepArraysAreRefusedToo() async throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        try await expectRefused(Self.body(steps: #"{"x":\#(deep)}"#), "nested more than 128 levels")
    }

    @Test func nulInStringsIsData() async throws {
        let counter = Counter()
        let event = #"{"data":{"s":"a\u0000b"},"id":"01\u0000","name":"test/event\u0000"}"#
        let response = try await call(Array(Self.body(event: event).utf8), counter: counter)
        #expect(response.status == 206)
        #expect(counter["ran"] == 1)
    }

    @Test(arguments: [[0x00], Array("{\"ctx\":{}\u{0}}".utf8), Array("{\"event\":\"a\u{0}b\"}".utf8), Array(body().utf8) + [0]])
    func rawNULBytesAreRefused(bytes: [UInt8]) async throws {
        let counter = Counter()
        let response = try await call(bytes, counter: counter)
        #expect(response.status == 400)
        #expect(response.bodyText.contains("0x00"))
        #expect(counter["ran"] == 0)
    }

    @Test(arguments: [
        (#""run_id":7"#, "ctx.run_id must be a string, not a number (7)"),
        (#""run_id":"r","attempt":"0""#, #"ctx.attempt must be an integer from 0 to 10000, not a string"#),
        (#""run_id":"r","attempt":1.5"#, "ctx.attempt must be an integer"),
        (#""run_id":"r","attempt":true"#, "ctx.attempt must be an integer"),
        (#""run_id":"r","max_attempts":[]"#, "ctx.max_attempts must be an integer from 1 to 10000, not an array"),
        (#""run_id":"r","disable_immediate_execution":"no""#, "ctx.disable_immediate_execution must be true or false"),
        (#""run_id":"r","use_api":1"#, "ctx.use_api must be true or false, not a number (1)"),
        (#""run_id":"r","step_id":{}"#, "ctx.step_id must be a string, not an object"),
    ])
    func wrongTypesForCtxFields(ctx: String, message: String) async throws {
        try await expectRefused(Self.body(ctx: ctx), message)
    }

    @Test(arguments: [
        (#"{"ctx":[],"event":\#(event)}"#, "ctx must be a JSON object, not an array"),
        (#"{"ctx":{"run_id":"r"},"event":[]}"#, "event is not an event"),
        (#"{"ctx":{"run_id":"r"},"event":\#(event),"events":{}}"#, "events must be an array, not an object"),
        (#"{"ctx":{"run_id":"r"},"event":\#(event),"events":[1]}"#, "events[0] is not an event"),
        (#"{"ctx":{"run_id":"r"},"event":\#(event),"steps":"x"}"#, "steps must be a JSON object, not a string"),
        (#"{"ctx":{"run_id":"r"},"event":\#(event),"version":"2"}"#, "version must be an integer"),
        (#"{"ctx":{"run_id":"r"},"event":\#(event),"use_api":"false"}"#, "use_api must be true or false"),
        (#"{"ctx":{"run_id":"r"},"event":{"name":1}}"#, "event is not an event"),
        (#"{"ctx":{"run_id":"r"},"event":{"name":"e","ts":"now"}}"#, "ts must be milliseconds"),
    ])
    func wrongTypesForTopLevelFields(body: String, message: String) async throws {
        try await expectRefused(body, message)
    }

    @Test(arguments: [
        (#""run_id":"r","attempt":9223372036854775807"#, "ctx.attempt is 9223372036854775807, outside 0 … 10000"),
        (#""run_id":"r","attempt":-1"#, "ctx.attempt is -1, outside 0 … 10000"),
        (#""run_id":"r","max_attempts":9223372036854775807"#, "ctx.max_attempts is 9223372036854775807, outside 1 … 10000"),
        (#""run_id":"r","max_attempts":0"#, "ctx.max_attempts is 0, outside 1 … 10000"),
        (#""run_id":"r","attempt":9223372036854775808"#, "cannot be kept exactly"),
        (#""run_id":"r","attempt":1e999"#, "cannot be kept exactly"),
    ])
    func hugeNumbersForAttempts(ctx: String, message: String) async throws {
        try await expectRefused(Self.body(ctx: ctx), message)
    }

    @Test func theLargestAcceptedAttemptsRun() async throws {
        let counter = Counter()
        let ctx = #""run_id":"r","attempt":10000,"max_attempts":10000"#
        let response = try await call(Array(Self.body(ctx: ctx).utf8), counter: counter)
        #expect(response.status == 206)
        #expect(response.bodyText.contains("StepRun"))
    }

    /// Memo entries that are not Inngest's forms are raw values (a matched event, a sleep's `null`):
    /// a step whose result type they do not fit fails for good, with a message naming it.
    @Test(arguments: [(#"{"op":"Bogus","data":1}"#, 400), (#"{"op":"StepNotFound"}"#, 400), (#"{"error":{"name":1}}"#, 400),
                      (#"{"data":1,"error":2}"#, 400), ("[]", 400), ("7", 200), (#"{"data":7}"#, 200)])
    func oddMemoValuesAreValues(memo: String, status: Int) async throws {
        let counter = Counter()
        let steps = #"{"\#(StepIdentifier.hash("a"))":\#(memo),"unknownhash":{"op":"Weird"}}"#
        let response = try await call(Array(Self.body(steps: steps).utf8), counter: counter)
        #expect(response.status == status, "\(response.bodyText)")
        if status == 400 {
            #expect(response.headers["X-Inngest-No-Retry"] == "true")
            #expect(response.bodyText.contains(#"the recorded result of step \"a\" does not decode into Int"#))
        }
        #expect(counter["ran"] == 1)
    }

    @Test(arguments: [
        ("/api/inngest?fnId=app-fn&fnId=app-other&stepId=step", 206),
        ("/api/inngest?fnId=app-other&fnId=app-fn", 500),
        ("/api/inngest?fnId=&stepId=step", 400),
        ("/api/inngest?stepId=step", 400),
        ("/api/inngest?fnId=%zz", 500),
        ("/api/inngest?fnId=app-fn%00", 500),
        ("/api/inngest?fnId=app-fn&stepId=step&stepId=\(StepIdentifier.hash("a"))", 206),
        ("/api/inngest?fnId=app-fn&stepId=0000000000000000000000000000000000000000", 500),
        ("/api/inngest?fnId=app-fn&stepId=%00%01", 500),
        ("/api/inngest?fnId=app-fn&stepId=", 206),
        ("/api/inngest?fnId=\(String(repeating: "x", count: 100_000))", 500),
    ])
    func oddQueryStrings(target: String, status: Int) async throws {
        let counter = Counter()
        let response = try await call(Array(Self.body().utf8), target: target, counter: counter)
        #expect(response.status == status, "\(response.bodyText.prefix(300))")
        #expect(response.bodyText.count < 2_000)
        switch status {
        case 400: #expect(response.bodyText.contains("fnId"))
        case 500: #expect(response.headers["X-Inngest-No-Retry"] == "false")
        default: break
        }
    }
}
