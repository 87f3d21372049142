import Testing

@testable import InngestCodegen

/// One test per key of `@inngest.function`, through the whole generator: what is generated for a
/// marker that uses it, and what a misuse reports.
@Suite struct FunctionMarkerKeyTests {
    static let events = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String; var cents: Int }
        // @inngest.event("shop/order.cancelled")
        struct OrderCancelled: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/cart.abandoned")
        struct CartAbandoned: Codable, Sendable { var cartId: String }
        // @inngest.module()
        struct M {}

        """

    /// Mentions every prelude event, so that the unused-event warning stays out of these tests.
    static let uses = ["Uses.swift": "let preludeEvents: [any Event.Type] = [OrderPlaced.self, OrderCancelled.self, CartAbandoned.self]\n"]

    /// The registry generated for `source` after the events; records an issue on any diagnostic.
    static func registry(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let output = generate(["A.swift": events + source].merging(uses) { $1 })
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)", sourceLocation: sourceLocation)
        return output.files["InngestRegistry.generated.swift"] ?? ""
    }

    /// The error lines for `source` after the events (which take 8 lines).
    static func errors(_ source: String) -> [String] {
        InngestCodegenTests.errors(generate(["A.swift": events + source].merging(uses) { $1 }))
    }

    @Test func ifFiltersTheEventTrigger() {
        let registry = Self.registry("""
            // @inngest.function(id: "big", event: "shop/order.placed", if: "event.data.cents > 100")
            struct Big { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(registry.contains(#"static var trigger: Trigger<OrderPlaced> { .event(OrderPlaced.self, if: "event.data.cents > 100") }"#))
    }

    @Test func ifNeedsAnEvent() {
        #expect(Self.errors("""
            // @inngest.function(id: "c", cron: "0 * * * *", if: "event.data.x")
            struct C {}
            """).contains { $0.hasPrefix("A.swift:9:54: error: 'if' filters the event: trigger, so it needs event:") })
    }

    @Test func triggersListsEventsByNameOrTypeWithIfAndCrons() {
        let registry = Self.registry("""
            // @inngest.function(id: "t", triggers: ["shop/order.placed", CartAbandoned,
            //                                       (event: "shop/order.cancelled", if: "event.data.orderId != \\"\\""), (cron: "0 * * * *")])
            struct T { func handle(_ p: Payload, context: Context) async throws {} }
            """)
        #expect(registry.contains(#"static var trigger: Trigger<T.Payload> { .anyOf(.event(OrderPlaced.self), .event(CartAbandoned.self), "#
            + #".event(OrderCancelled.self, if: "event.data.orderId != \"\""), .cron("0 * * * *")) }"#), "\(registry)")
    }

    @Test func triggersIsExclusiveWithTheSingleTriggerKeys() {
        let lines = Self.errors("""
            // @inngest.function(id: "t", triggers: [CartAbandoned], event: "shop/order.placed")
            struct T {}
            // @inngest.function(id: "u", event: "shop/order.placed", cron: "0 * * * *")
            struct U {}
            // @inngest.function(id: "v", triggers: [])
            struct V {}
            // @inngest.function(id: "w", triggers: [(event: "shop/order.placed", cron: "0 * * * *"), (if: "x"), 3, (cron: "1 * * * *", if: "y")])
            struct W {}
            """)
        #expect(lines.contains { $0.hasPrefix("A.swift:9:") && $0.contains("either in triggers: […] or as event: (with if:) or cron:, not both") })
        #expect(lines.contains { $0.hasPrefix("A.swift:11:65:") && $0.contains("for several, write triggers: [(event: …), (cron: …)]") })
        #expect(lines.contains { $0.hasPrefix("A.swift:13:41:") && $0.contains("'triggers' needs at least one trigger") })
        #expect(lines.contains { $0.hasPrefix("A.swift:15:") && $0.contains("a trigger is an event or a cron, not both") })
        #expect(lines.contains { $0.hasPrefix("A.swift:15:") && $0.contains("a trigger needs event: or cron:") })
        #expect(lines.contains { $0.hasPrefix("A.swift:15:") && $0.contains("a trigger is an event name, an event type, (event: …, if: …) or (cron: …)") })
        #expect(lines.contains { $0.hasPrefix("A.swift:15:") && $0.contains("a cron trigger takes none") })
    }

    @Test func timeoutsAreInngestTimeStrings() {
        let registry = Self.registry("""
            // @inngest.function(id: "t", event: OrderPlaced, timeouts: (start: "90s", finish: "1h30m"))
            struct T { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(registry.contains("FunctionOptions(timeouts: Timeouts(start: .seconds(90), finish: .minutes(90)))"))
        let lines = Self.errors("""
            // @inngest.function(id: "t", event: OrderPlaced, timeouts: (start: "0s", finish: "1 hour", stop: "1h"))
            struct T {}
            // @inngest.function(id: "u", event: OrderPlaced, timeouts: "1h")
            struct U {}
            """)
        #expect(lines.contains { $0.hasPrefix("A.swift:9:69: error: 'start' is not an Inngest time string: The time string '0s' is zero") })
        #expect(lines.contains { $0.hasPrefix("A.swift:9:83: error: 'finish' is not an Inngest time string") })
        #expect(lines.contains { $0.hasPrefix("A.swift:9:93: error: unknown key 'stop' in timeouts (expected start, finish)") })
        #expect(lines.contains { $0.hasPrefix("A.swift:11:61: error: 'timeouts' takes (start: \"…\", finish: \"…\")") })
    }

    @Test func cancelOnTakesANameATypeARecordOrAList() {
        let registry = Self.registry("""
            // @inngest.function(id: "a", event: OrderPlaced, cancelOn: "shop/order.cancelled")
            struct A { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            // @inngest.function(id: "b", event: OrderPlaced,
            //                   cancelOn: [OrderCancelled, (event: "shop/order.cancelled", match: "orderId", if: "async.data.orderId != \\"x\\"", timeout: "2d")])
            struct B { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(registry.contains("FunctionOptions(cancelOn: [.event(OrderCancelled.self)])"))
        #expect(registry.contains(#"FunctionOptions(cancelOn: [.event(OrderCancelled.self), .event(OrderCancelled.self, match: \.orderId, if: "async.data.orderId != \"x\"", timeout: .days(2))])"#),
                "\(registry)")
    }

    @Test func cancelOnMisuseIsReported() {
        let lines = Self.errors("""
            // @inngest.function(id: "a", event: OrderPlaced, cancelOn: [(match: "orderId"), (event: OrderCancelled, match: "order id", after: "1h"), 3])
            struct A {}
            """)
        #expect(lines.contains { $0.contains("a cancelOn entry needs event:") })
        #expect(lines.contains { $0.contains("'match' takes a stored property of the event, or a path of them") })
        #expect(lines.contains { $0.contains("unknown key 'after' in cancelOn (expected event, match, if, timeout)") })
        #expect(lines.contains { $0.contains("'cancelOn' takes an event name, an event type, (event: …, match: …, if: …, timeout: …) or a list of them") })
    }

    @Test func onFailureNamesAMethod() {
        let registry = Self.registry("""
            // @inngest.function(id: "a", event: OrderPlaced, onFailure: failed)
            struct A {
                func handle(_ o: OrderPlaced, context: Context) async throws {}
                func failed(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {}
            }
            """)
        #expect(registry.contains("extension A: OnFailure {\n    /// Runs `failed` when a run of the function \"a\" failed for good."))
        #expect(registry.contains("func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {"))
        #expect(registry.contains("        try await failed(failure, context: context)\n"))
    }

    @Test func onFailureMisuseIsReported() {
        let lines = Self.errors("""
            // @inngest.function(id: "a", event: OrderPlaced, onFailure: faild)
            struct A {
                func handle(_ o: OrderPlaced, context: Context) async throws {}
                func failed(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {}
            }
            // @inngest.function(id: "b", event: OrderPlaced, onFailure: "failed")
            struct B {}
            // @inngest.function(id: "c", event: OrderPlaced, onFailure: failed)
            struct C {
                func failed(_ order: OrderPlaced) {}
            }
            // @inngest.function(id: "d", event: OrderPlaced, onFailure: failed)
            struct D {
                func handle(_ o: OrderPlaced, context: Context) async throws {}
                func failed(_ failure: FunctionFailure<CartAbandoned>, context: Context) {}
            }
            """)
        #expect(lines.contains { $0.hasPrefix("A.swift:9:62: error: onFailure names 'faild', but A has no instance method faild") && $0.contains("did you mean 'failed'?") })
        #expect(lines.contains { $0.hasPrefix("A.swift:14:62: error: 'onFailure' takes the name of a method") })
        #expect(lines.contains { $0.hasPrefix("A.swift:18:10: error: C.failed, the failure handler named by onFailure, must be failed(_ failure: FunctionFailure<Payload>") })
        #expect(lines.contains { $0.hasPrefix("A.swift:21:8: error: D.failed takes FunctionFailure<CartAbandoned>, but the function's payload is OrderPlaced") })
    }

    @Test func unknownKeysStillSuggestTheClosestKey() {
        let lines = Self.errors("""
            // @inngest.function(id: "a", event: OrderPlaced, cancelon: OrderCancelled)
            struct A { func handle(_ e: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(lines.first?.contains("unknown key 'cancelon' in @inngest.function") == true)
        #expect(lines.first?.contains("did you mean 'cancelOn'?") == true)
    }
}
