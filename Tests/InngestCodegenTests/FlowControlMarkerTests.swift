import Testing

@testable import InngestCodegen

/// The flow-control keys of `@inngest.function`, through the whole generator: the shapes each key
/// takes, what is generated for them, and what a misuse reports.
@Suite struct FlowControlMarkerTests {
    static let events = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String; var customerId: String }
        // @inngest.event("shop/order.cancelled")
        struct OrderCancelled: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/product.updated")
        struct ProductUpdated: Codable, Sendable { var sku: String }
        // @inngest.module()
        struct M {}

        """

    /// Mentions every prelude event, so that the unused-event warning stays out of these tests.
    static let uses = ["Uses.swift": "let preludeEvents: [any Event.Type] = [OrderPlaced.self, OrderCancelled.self, ProductUpdated.self]\n"]

    /// The generator's output for `source` after the events (which take 8 lines).
    static func output(_ source: String) -> Generator.Output {
        generate(["A.swift": events + source].merging(uses) { $1 })
    }

    /// The registry generated for `source`; records an issue on any diagnostic.
    static func registry(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let output = output(source)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)", sourceLocation: sourceLocation)
        return output.files["InngestRegistry.generated.swift"] ?? ""
    }

    /// The generated options of a marked type `T` with `keys` after its trigger.
    static func options(_ keys: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let registry = registry("""
            // @inngest.function(id: "t", event: OrderPlaced, \(keys))
            struct T { func handle(_ o: \(keys.hasPrefix("batchEvents") ? "[OrderPlaced]" : "OrderPlaced"), context: Context) async throws {} }
            """, sourceLocation: sourceLocation)
        guard let line = registry.split(separator: "\n").first(where: { $0.contains("static var options: FunctionOptions") }) else { return "" }
        return String(line.drop { $0 == " " })
    }

    /// The diagnostic lines for a marked type with `keys`, written on line 9.
    static func lines(_ keys: String) -> [String] {
        output("""
            // @inngest.function(id: "t", event: OrderPlaced, \(keys))
            struct T { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """).diagnostics.map(\.description)
    }

    // MARK: Accepted shapes

    @Test(arguments: [
        ("concurrency: 10", "concurrency: [.limit(10)]"),
        (#"concurrency: (limit: 10, key: "event.data.customerId", scope: "env")"#, #"concurrency: [.limit(10, key: "event.data.customerId", scope: .env)]"#),
        (#"concurrency: (limit: 3, scope: "fn")"#, "concurrency: [.limit(3)]"),
        (#"concurrency: [(limit: 5, key: "event.data.customerId"), (limit: 50, key: "\"openai\"", scope: "account")]"#,
         #"concurrency: [.limit(5, key: "event.data.customerId"), .limit(50, key: "\"openai\"", scope: .account)]"#),
        (#"throttle: (limit: 10, period: "1m", burst: 2, key: "event.data.customerId")"#,
         #"throttle: .limit(10, per: .minutes(1), burst: 2, key: "event.data.customerId")"#),
        (#"throttle: (limit: 1, period: "1.5s")"#, "throttle: .limit(1, per: .milliseconds(1500))"),
        (#"rateLimit: (limit: 1, period: "1m", key: "event.data.customerId")"#, #"rateLimit: .limit(1, per: .minutes(1), key: "event.data.customerId")"#),
        (#"debounce: (period: "5m", key: "event.data.customerId", timeout: "30m")"#,
         #"debounce: .period(.minutes(5), key: "event.data.customerId", timeout: .minutes(30))"#),
        (#"debounce: (period: "1m30s")"#, "debounce: .period(.seconds(90))"),
        (#"batchEvents: (maxSize: 100, timeout: "5s", key: "event.data.customerId", if: "event.data.orderId != ''")"#,
         #"batchEvents: .maxSize(100, timeout: .seconds(5), key: "event.data.customerId", if: "event.data.orderId != ''")"#),
        (#"priority: (run: "event.data.customerId == 'vip' ? 120 : 0")"#, #"priority: .run("event.data.customerId == 'vip' ? 120 : 0")"#),
        (#"priority: "-60""#, #"priority: .run("-60")"#),
        (#"idempotency: "event.data.orderId""#, #"idempotency: .key("event.data.orderId")"#),
        (#"singleton: (key: "event.data.customerId", mode: "cancel")"#, #"singleton: .key("event.data.customerId", mode: .cancel)"#),
        (#"singleton: (key: "event.data.customerId")"#, #"singleton: .key("event.data.customerId", mode: .skip)"#),
        ("singleton: (mode: skip)", "singleton: .function(mode: .skip)"),
    ])
    func shapesAreAccepted(keys: String, generated: String) {
        #expect(Self.options(keys) == "static var options: FunctionOptions { FunctionOptions(\(generated)) }")
    }

    @Test func batchHandlersTakeAnArrayOfTheEvent() {
        let registry = Self.registry("""
            // @inngest.injectable
            struct Catalog {
                // @inngest.function(id: "index", event: ProductUpdated, batchEvents: (maxSize: 50, timeout: "10s"))
                func index(_ updates: [ProductUpdated], context: Context) async throws {}
            }
            """)
        #expect(registry.contains("static var trigger: Trigger<[ProductUpdated]> { .event(ProductUpdated.self) }"), "\(registry)")
        #expect(registry.contains("FunctionOptions(batchEvents: .maxSize(50, timeout: .seconds(10)))"))
        #expect(registry.contains("func handle(_ input: [ProductUpdated], context: Context) async throws {"))
        #expect(registry.contains("try await owner.index(input, context: context)"))
    }

    @Test func aBatchOfSeveralEventTypesTakesAnArrayOfTheGeneratedPayload() {
        let registry = Self.registry("""
            // @inngest.function(id: "b", triggers: [OrderPlaced, ProductUpdated], batchEvents: (maxSize: 10, timeout: "1s"))
            struct B { func handle(_ events: [Payload], context: Context) async throws {} }
            """)
        #expect(registry.contains("static var trigger: Trigger<[B.Payload]> { .anyOf(.event(OrderPlaced.self), .event(ProductUpdated.self)) }"), "\(registry)")
        #expect(registry.contains("enum Payload: TriggerPayload {"))
    }

    @Test func aBatchOfTheWrongEventIsReportedWithTheElementType() {
        let lines = Self.output("""
            // @inngest.injectable
            struct Catalog {
                // @inngest.function(id: "index", event: ProductUpdated, batchEvents: (maxSize: 50, timeout: "10s"))
                func index(_ updates: [OrderPlaced], context: Context) async throws {}
            }
            """).diagnostics.map(\.description)
        #expect(lines.contains { $0 == #"A.swift:12:10: error: function "index" is triggered by "shop/product.updated", which is ProductUpdated, but its payload type is OrderPlaced"# },
                "\(lines)")
    }

    @Test func aBatchHandlerTakingOneEventIsAWarning() {
        let lines = Self.lines(#"batchEvents: (maxSize: 50, timeout: "10s")"#)
        #expect(lines == [#"A.swift:9:64: warning: function "t" batches events, but its handler takes one OrderPlaced, so it sees only the first event of each batch; take [OrderPlaced] to receive them all"#])
    }

    // MARK: Shape errors

    @Test func wrongShapesSayWhatToWrite() {
        let lines = Self.output("""
            // @inngest.function(id: "a", event: OrderPlaced, concurrency: "10", throttle: 5, rateLimit: (limit: 1), debounce: (key: "event.data.orderId"))
            struct A {}
            // @inngest.function(id: "b", event: OrderPlaced, batchEvents: (timeout: "5s"), priority: 3, idempotency: (key: "x"), singleton: (mode: "wait"))
            struct B {}
            // @inngest.function(id: "c", event: OrderPlaced, concurrency: (key: "event.data.orderId", scope: "team", max: 3))
            struct C {}
            """).diagnostics.map(\.description)
        let expected = [
            "A.swift:9:64: error: 'concurrency' takes a number, (limit: …, key: \"…\", scope: \"fn\"|\"env\"|\"account\") or a list of one or two of them",
            "A.swift:9:80: error: 'throttle' takes (limit: 10, period: \"1m\", burst: 2, key: \"event.data.customerId\")",
            "A.swift:9:94: error: 'rateLimit' needs period:, e.g. rateLimit: (limit: 1, period: \"1m\", key: \"event.data.customerId\")",
            "A.swift:9:116: error: 'debounce' needs period:, e.g. debounce: (period: \"5m\", key: \"event.data.customerId\", timeout: \"30m\")",
            "A.swift:11:64: error: 'batchEvents' needs maxSize:, e.g. batchEvents: (maxSize: 100, timeout: \"5s\", key: \"event.data.customerId\", if: \"…\")",
            "A.swift:11:91: error: 'priority' takes (run: \"…\") or its expression alone, e.g. priority: \"event.data.plan == 'pro' ? 120 : 0\"",
            "A.swift:11:107: error: 'idempotency' takes the key expression as a quoted string, e.g. idempotency: \"event.data.orderId\"",
            "A.swift:11:137: error: singleton's 'mode' is \"skip\" (a new run is skipped while one runs) or \"cancel\" (it cancels the one running), not \"wait\"",
            "A.swift:13:64: error: a concurrency limit needs limit:, e.g. concurrency: (limit: 10, key: \"event.data.customerId\")",
        ]
        for line in expected { #expect(lines.contains(line), "missing \(line) in \(lines)") }
        #expect(lines.contains { $0.hasPrefix("A.swift:13:") && $0.contains("'scope' is \"fn\" (the default: this function's runs), \"env\" or \"account\"") })
        #expect(lines.contains { $0.hasPrefix("A.swift:13:") && $0.contains("unknown key 'max' in concurrency (expected limit, key, scope)") })
    }

    @Test func batchTimeoutsHaveNoDaysOrWeeks() {
        #expect(Self.lines(#"batchEvents: (maxSize: 10, timeout: "1d")"#).first?.hasPrefix(
            #"A.swift:9:87: error: the batchEvents timeout "1d" uses days or weeks, which Inngest does not accept here"#) == true)
    }

    @Test func periodsAreInngestTimeStrings() {
        #expect(Self.lines(#"throttle: (limit: 1, period: "1 minute")"#).first?.hasPrefix("A.swift:9:80: error: 'period' is not an Inngest time string") == true)
    }

    @Test func flowControlKeysAreNoLongerRefused() {
        #expect(FunctionMarkerReader.unsupportedKeys.isEmpty)
        #expect(FunctionMarkerReader.flowControlKeys.allSatisfy(FunctionMarkerReader.keys.contains))
    }
}
