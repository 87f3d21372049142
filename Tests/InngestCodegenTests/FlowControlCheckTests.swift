import Testing

@testable import InngestCodegen

/// The ranges, combinations and expressions of flow control, checked in one pass with the other
/// checks, each reported at the value (or option) that is wrong: for markers (time strings) and
/// for conformances (Swift literals) alike.
@Suite struct FlowControlCheckTests {
    static let prelude = """
        // @inngest.event("a/b")
        struct E: Codable, Sendable { var id: String; var customerId: String }
        // @inngest.module()
        struct M {}

        """

    /// The diagnostic lines for a marked type with `keys`, written on line 5 from column 45.
    static func marker(_ keys: String) -> [String] {
        generate(["A.swift": prelude + """
            // @inngest.function(id: "f", event: "a/b", \(keys))
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """]).diagnostics.map(\.description)
    }

    /// The diagnostic lines for a conformance whose options are `FunctionOptions(\(arguments))`, on line 8 from column 42.
    static func conformance(_ arguments: String) -> [String] {
        generate(["A.swift": prelude + """
            struct F: InngestFunction {
                static let id = "f"
                static let trigger = Trigger.event(E.self)
                static let options = FunctionOptions(\(arguments))
                func handle(_ e: E, context: Context) async throws {}
            }
            """]).diagnostics.map(\.description)
    }

    /// Whether the one diagnostic of `lines` is at `column` and contains `message`.
    static func only(_ lines: [String], line: Int, column: Int, _ message: String) -> Bool {
        lines.count == 1 && lines[0].hasPrefix("A.swift:\(line):\(column): ") && lines[0].contains(message)
    }

    // MARK: Ranges, by marker

    @Test(arguments: [
        ("concurrency: 0", 58, "error: the concurrency limit of function \"f\" is 0; it must be at least 1"),
        ("concurrency: [1, 2, 3]", 58, "error: concurrency of function \"f\" has 3 limits; Inngest takes 1 or 2"),
        ("concurrency: []", 58, "error: concurrency of function \"f\" has 0 limits; Inngest takes 1 or 2"),
        (#"concurrency: (limit: 5, scope: "env")"#, 76, "error: the env-scoped concurrency limit of function \"f\" needs a key"),
        (#"concurrency: (limit: 5, scope: account)"#, 76, "error: the account-scoped concurrency limit of function \"f\" needs a key"),
        (#"throttle: (limit: 0, period: "1m")"#, 63, "error: the throttle limit of function \"f\" is 0; it must be at least 1"),
        (#"throttle: (limit: 1, period: "1m", burst: -1)"#, 87, "error: the throttle burst of function \"f\" is -1; it must be at least 0"),
        (#"throttle: (limit: 1, period: "500ms")"#, 74, "error: the throttle period of function \"f\" is 500ms; Inngest takes 1s to 7 days"),
        (#"throttle: (limit: 1, period: "8d")"#, 74, "error: the throttle period of function \"f\" is 192h; Inngest takes 1s to 7 days"),
        (#"rateLimit: (limit: 0, period: "1h")"#, 64, "error: the rateLimit limit of function \"f\" is 0; it must be at least 1"),
        (#"rateLimit: (limit: 1, period: "25h")"#, 75, "error: the rateLimit period of function \"f\" is 25h; Inngest takes 1s to 24h"),
        (#"debounce: (period: "8d")"#, 64, "error: the debounce period of function \"f\" is 192h; Inngest takes 1s to 7 days"),
        (#"debounce: (period: "10m", timeout: "5m")"#, 80, "warning: the debounce timeout of function \"f\" (5m) is shorter than its period (10m)"),
        (#"batchEvents: (maxSize: 101, timeout: "5s")"#, 68, "error: the batchEvents maxSize of function \"f\" is 101; Inngest takes 1 to 100"),
        (#"batchEvents: (maxSize: 0, timeout: "5s")"#, 68, "error: the batchEvents maxSize of function \"f\" is 0; Inngest takes 1 to 100"),
        (#"batchEvents: (maxSize: 1, timeout: "5s")"#, 68, "warning: the batchEvents maxSize of function \"f\" is 1, which an Inngest server refuses"),
        (#"batchEvents: (maxSize: 10, timeout: "61s")"#, 81, "error: the batchEvents timeout of function \"f\" is 1m1s; Inngest takes 1s to 60s"),
        (#"batchEvents: (maxSize: 10, timeout: "500ms")"#, 81, "error: the batchEvents timeout of function \"f\" is 500ms; Inngest takes 1s to 60s"),
        (#"priority: "601""#, 55, "error: the priority of function \"f\" is 601 seconds; Inngest takes -600 to 600"),
        (#"priority: (run: "-700")"#, 61, "error: the priority of function \"f\" is -700 seconds; Inngest takes -600 to 600"),
    ] as [(String, Int, String)])
    func markerRanges(keys: String, column: Int, message: String) {
        let lines = Self.marker(keys).filter { !$0.contains("batches events, but its handler takes one") }
        #expect(Self.only(lines, line: 5, column: column, message), "\(lines)")
    }

    @Test(arguments: [
        "concurrency: [1, 2]", #"concurrency: (limit: 5, key: "\"openai\"", scope: "account")"#, #"throttle: (limit: 1, period: "7d", burst: 0)"#,
        #"throttle: (limit: 1, period: "1s")"#, #"rateLimit: (limit: 1, period: "24h")"#, #"debounce: (period: "1s", timeout: "1s")"#,
        #"priority: "600""#, #"priority: "event.data.id == 'x' ? -600 : 0""#, #"singleton: (mode: "cancel")"#,
    ])
    func boundsAreAccepted(keys: String) {
        #expect(Self.marker(keys).isEmpty, "\(Self.marker(keys))")
    }

    // MARK: Ranges, by conformance

    @Test(arguments: [
        ("concurrency: 0", 55, "error: the concurrency limit of function \"f\" is 0; it must be at least 1"),
        ("concurrency: [.limit(1), .limit(2), someLimit]", 55, "error: concurrency of function \"f\" has 3 limits; Inngest takes 1 or 2"),
        ("concurrency: .limit(5, scope: .env)", 72, "error: the env-scoped concurrency limit of function \"f\" needs a key"),
        ("concurrency: [ConcurrencyLimit(limit: 0, key: \"event.data.id\", scope: .account)]", 80, "error: the concurrency limit of function \"f\" is 0"),
        ("throttle: .limit(0, per: .minutes(1))", 59, "error: the throttle limit of function \"f\" is 0; it must be at least 1"),
        ("throttle: Throttle(limit: 1, period: .seconds(1), burst: -2)", 99, "error: the throttle burst of function \"f\" is -2; it must be at least 0"),
        ("throttle: .limit(1, per: .days(8))", 67, "error: the throttle period of function \"f\" is 192h; Inngest takes 1s to 7 days"),
        ("rateLimit: .limit(1, per: .milliseconds(10))", 68, "error: the rateLimit period of function \"f\" is 10ms; Inngest takes 1s to 24h"),
        ("rateLimit: RateLimit(limit: -1, period: .hours(1))", 70, "error: the rateLimit limit of function \"f\" is -1"),
        ("debounce: .period(.seconds(0))", 60, "error: the debounce period of function \"f\" is .seconds(0); Inngest takes 1s to 7 days"),
        ("debounce: .period(.minutes(5), timeout: .seconds(0))", 82, "error: the debounce timeout of function \"f\" must be positive, not .seconds(0)"),
        ("debounce: Debounce(period: .minutes(5), key: nil, timeout: .minutes(1))", 101, "warning: the debounce timeout of function \"f\" (1m) is shorter than its period (5m)"),
        ("batchEvents: .maxSize(500, timeout: .seconds(5))", 64, "error: the batchEvents maxSize of function \"f\" is 500; Inngest takes 1 to 100"),
        ("batchEvents: BatchEvents(maxSize: 10, timeout: .minutes(2))", 89, "error: the batchEvents timeout of function \"f\" is 2m; Inngest takes 1s to 60s"),
        ("priority: .run(\"1000\")", 57, "error: the priority of function \"f\" is 1000 seconds; Inngest takes -600 to 600"),
    ] as [(String, Int, String)])
    func conformanceRanges(arguments: String, column: Int, message: String) {
        let lines = Self.conformance(arguments)
        #expect(Self.only(lines, line: 8, column: column, message), "\(lines)")
    }

    // MARK: Combinations

    @Test(arguments: [
        (#"debounce: (period: "1m")"#, "debounce"), (#"singleton: (mode: "skip")"#, "singleton"), (#"priority: "10""#, "priority"),
        (#"cancelOn: "a/b""#, "cancelOn"),
    ])
    func batchingRefuses(other: String, option: String) {
        let lines = generate(["A.swift": Self.prelude + """
            // @inngest.function(id: "f", event: "a/b", batchEvents: (maxSize: 10, timeout: "5s"),
            //                   \(other))
            struct F { func handle(_ e: [E], context: Context) async throws {} }
            """]).diagnostics.map(\.description)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("A.swift:6:") == true, "\(lines)")
        #expect(lines.first?.contains("error: function \"f\" has both batchEvents and \(option), which Inngest refuses when the app syncs; "
                                      + "remove one of them (batchEvents is written at A.swift:5:58)") == true, "\(lines)")
    }

    @Test func batchingIgnoresRateLimitAndIdempotency() {
        let lines = generate(["A.swift": Self.prelude + """
            // @inngest.function(id: "f", event: "a/b", batchEvents: (maxSize: 10, timeout: "5s"),
            //                   rateLimit: (limit: 1, period: "1m"), idempotency: "event.data.id")
            struct F { func handle(_ e: [E], context: Context) async throws {} }
            """]).diagnostics.map(\.description)
        #expect(lines == [
            "A.swift:6:33: warning: rateLimit of function \"f\" has no effect: batched runs skip rate limiting; remove it, or remove batchEvents",
            "A.swift:6:72: warning: idempotency of function \"f\" has no effect: batched runs skip the idempotency check; remove it, or remove batchEvents",
        ])
    }

    @Test func idempotencyReplacesRateLimit() {
        let lines = Self.marker(#"rateLimit: (limit: 1, period: "1m"), idempotency: "event.data.id""#)
        #expect(lines == ["A.swift:5:56: warning: rateLimit of function \"f\" has no effect: idempotency replaces it "
                          + "(Inngest applies idempotency as a rate limit of 1 per 24h); remove one of them"])
    }

    @Test func conformanceCombinationsAreCheckedToo() {
        let lines = Self.conformance("batchEvents: .maxSize(10, timeout: .seconds(5)), debounce: .period(.minutes(1))")
        #expect(Self.only(lines, line: 8, column: 101, "error: function \"f\" has both batchEvents and debounce"), "\(lines)")
    }

    // MARK: Expressions

    @Test func keysMissingEventSuggestIt() {
        let lines = Self.marker(#"concurrency: (limit: 1, key: "data.processing")"#)
        #expect(lines == ["A.swift:5:75: error: the concurrency key of function \"f\" is not an expression Inngest accepts: "
                          + "unknown variable 'data'; expected 'event'; write event.data.processing"])
        let bare = Self.conformance(#"idempotency: "customerId""#)
        #expect(bare == ["A.swift:8:56: error: the idempotency key of function \"f\" is not an expression Inngest accepts: "
                         + "unknown variable 'customerId'; expected 'event'; write event.data.customerId"])
    }

    @Test(arguments: [
        (#"throttle: (limit: 1, period: "1m", key: "event.data.id +")"#, 101, "the throttle key"),
        (#"rateLimit: (limit: 1, period: "1m", key: "evnt.data.id")"#, 87, "the rateLimit key"),
        (#"debounce: (period: "1m", key: "event.data.id ==")"#, 92, "the debounce key"),
        (#"batchEvents: (maxSize: 5, timeout: "1s", if: "event.data.id = 'x'")"#, 105, "the batchEvents if expression"),
        (#"batchEvents: (maxSize: 5, timeout: "1s", key: "async.data.id")"#, 92, "the batchEvents key"),
        (#"priority: "event.data.id ?""#, 71, "the priority run expression"),
        (#"idempotency: "event.data.""#, 70, "the idempotency key"),
        (#"singleton: (key: "event.data.id)", mode: "skip")"#, 76, "the singleton key"),
    ] as [(String, Int, String)])
    func everyExpressionIsChecked(keys: String, column: Int, what: String) {
        let lines = Self.marker(keys).filter { !$0.contains("warning:") }
        #expect(lines.count == 1 && lines[0].hasPrefix("A.swift:5:") && lines[0].contains("error: \(what) of function \"f\" is not an expression Inngest accepts"),
                "\(lines)")
        #expect(lines.first?.hasPrefix("A.swift:5:\(column):") == true, "\(lines)")
    }

    @Test func keyPathsAndUnreadKeysAreNotParsed() {
        #expect(Self.conformance(#"concurrency: .limit(2, key: \E.customerId, scope: .env), idempotency: .key(someKey)"#).isEmpty)
    }

    @Test func everythingIsReportedInOnePass() {
        let lines = Self.marker(#"concurrency: 0, throttle: (limit: 0, period: "1m", key: "data.id"), batchEvents: (maxSize: 0, timeout: "5s"), priority: "9999""#)
        #expect(lines.filter { $0.contains("error:") }.count == 6, "\(lines)")
    }
}
