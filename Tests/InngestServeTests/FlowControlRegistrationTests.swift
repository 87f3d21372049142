import Foundation
import InngestCore
import InngestServe
import Testing

/// The flow-control options in the register payload, byte for byte against golden configs under
/// `Golden/flow-control/`. Each golden is what the JS SDK registers for the equivalent function:
/// `inngest.createFunction({ id: "fn", retries: 3, triggers: [{ event: "shop/order.placed" }], …option }, handler)`
/// served at `https://example.com/api/inngest` by app `my-app`, i.e. `getConfig` in
/// `inngest/inngest-js:packages/inngest/src/components/InngestFunction.ts` (commit abc4a63), which
/// passes the options through verbatim, checked against its `functionConfigSchema`
/// (`packages/inngest/src/types.ts`) and the server's decoder (`inngest/inngest:pkg/sdk/function.go`,
/// `pkg/inngest/function.go`, `concurrency.go`, `batch.go`). Members are sorted (our JSON is
/// canonical; `JSON.stringify` keeps insertion order, and the server reads members by name). Where
/// a JS user writes a duration string, the golden holds the equivalent the server parses the same
/// way, as `TimeString.format` writes it: `"168h"` for `"7d"`.
@Suite struct FlowControlRegistrationTests {
    private struct Placed: Event {
        static let name = "shop/order.placed"
        var orderId: String
        var customerId: String
        var storeId: String
        var total: Int
        var plan: String
    }

    /// The one function config registered for a function with `options`.
    private func config(_ options: FunctionOptions) throws -> String {
        var options = options
        options.retries = 3
        let function = FunctionDefinition(id: "fn", trigger: .event(name: Placed.name), options: options) { _, _ in .null }
        let payload = RegisterPayload(appId: "my-app", url: "https://example.com/api/inngest", functions: [function])
        let configs = try #require(payload.functions.arrayValue)
        try #require(configs.count == 1)
        return configs[0].jsonString
    }

    private func golden(_ name: String) throws -> String {
        String(decoding: try RegisterPayloadTests.golden("flow-control/\(name).json"), as: UTF8.self)
    }

    private func expectGolden(_ name: String, _ options: FunctionOptions, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try config(options)
        #expect(actual == (try golden(name)), sourceLocation: sourceLocation)
        #expect(!actual.contains("null"), sourceLocation: sourceLocation)
    }

    /// JS `concurrency: [{ limit: 10, key: "event.data.customerId" }]`: always an array, no `scope`
    /// for the default `fn` (the server's zero value), as JS writes only what the user gave.
    @Test func concurrency() throws {
        try expectGolden("concurrency", FunctionOptions(concurrency: .limit(10, key: \Placed.customerId)))
    }

    /// JS `concurrency: [{ limit: 5, key: … }, { limit: 50, key: '"openai"', scope: "account" }]`.
    @Test func concurrencyWithTwoLimitsAndAScope() throws {
        try expectGolden("concurrency-two-limits", FunctionOptions(concurrency: [.limit(5, key: \Placed.customerId),
                                                                                 .limit(50, key: "\"openai\"", scope: .account)]))
    }

    /// JS `concurrency: [{ limit: 5 }]` (the server reads `concurrency: 5` the same way).
    @Test func concurrencyFromAnIntegerLiteral() throws {
        try expectGolden("concurrency-plain", FunctionOptions(concurrency: 5))
    }

    /// JS `throttle: { limit: 10, period: "1m", burst: 2, key: "event.data.customerId" }`.
    @Test func throttle() throws {
        try expectGolden("throttle", FunctionOptions(throttle: .limit(10, per: .minutes(1), burst: 2, key: \Placed.customerId)))
    }

    /// JS `throttle: { limit: 20, period: "1h30m" }`: no `burst` when it is the default 0.
    @Test func throttleWithoutBurst() throws {
        try expectGolden("throttle-no-burst", FunctionOptions(throttle: .limit(20, per: .seconds(5_400))))
    }

    /// JS `rateLimit: { limit: 1, period: "24h", key: "event.data.customerId" }`.
    @Test func rateLimit() throws {
        try expectGolden("rate-limit", FunctionOptions(rateLimit: .limit(1, per: .hours(24), key: \Placed.customerId)))
    }

    /// JS `debounce: { period: "5m", key: "event.data.customerId", timeout: "30m" }`.
    @Test func debounce() throws {
        try expectGolden("debounce", FunctionOptions(debounce: .period(.minutes(5), key: \Placed.customerId, timeout: .minutes(30))))
    }

    /// JS `debounce: { period: "7d" }`, written `"168h"`: the server parses both to the same period.
    @Test func debounceOfAWeekIsWrittenInHours() throws {
        try expectGolden("debounce-period-only", FunctionOptions(debounce: .period(.seconds(7 * 86_400))))
    }

    /// JS `batchEvents: { maxSize: 100, timeout: "5s", key: "event.data.storeId", if: "event.data.total > 10" }`.
    @Test func batchEvents() throws {
        try expectGolden("batch-events", FunctionOptions(batchEvents: .maxSize(100, timeout: .seconds(5), key: \Placed.storeId,
                                                                             if: "event.data.total > 10")))
    }

    /// JS `batchEvents: { maxSize: 10, timeout: "30s" }`.
    @Test func batchEventsWithoutKeyOrCondition() throws {
        try expectGolden("batch-events-plain", FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(30))))
    }

    /// The batch timeout is read with Go's `time.ParseDuration`, which knows no `d` or `w`: the
    /// longest one, 60 s (JS types it as seconds, `"60s"`), is `"1m"`, which it parses the same.
    @Test func batchTimeoutsUseOnlyGoDurationUnits() throws {
        let json = try config(FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(60))))
        #expect(json.contains(#""batchEvents":{"maxSize":10,"timeout":"1m"}"#))
    }

    /// JS `priority: { run: "event.data.plan == 'pro' ? 120 : 0" }`.
    @Test func priority() throws {
        try expectGolden("priority", FunctionOptions(priority: .run("event.data.plan == 'pro' ? 120 : 0")))
    }

    /// JS `idempotency: "event.data.orderId"`: a plain string (the server turns it into a rate limit
    /// of one per 24 h).
    @Test func idempotency() throws {
        try expectGolden("idempotency", FunctionOptions(idempotency: .key(\Placed.orderId)))
    }

    /// JS `singleton: { key: "event.data.customerId", mode: "cancel" }`.
    @Test func singleton() throws {
        try expectGolden("singleton", FunctionOptions(singleton: .key(\Placed.customerId, mode: .cancel)))
    }

    /// JS `singleton: { mode: "skip" }`: `mode` is always written, `key` only when given.
    @Test func singletonOfTheWholeFunction() throws {
        try expectGolden("singleton-function", FunctionOptions(singleton: .function(mode: .skip)))
    }

    /// Every option at once (an encoding test only: Inngest refuses batching with `cancelOn`,
    /// `debounce`, `singleton` or `priority` at sync, and the serve handler refuses to sync it).
    @Test func everyOptionAtOnce() throws {
        try expectGolden("every-option", FunctionOptions(
            timeouts: Timeouts(start: .minutes(5), finish: .hours(1)),
            cancelOn: [.event(named: "shop/order.cancelled", if: "event.data.orderId == async.data.orderId")],
            concurrency: [.limit(5, key: \Placed.customerId), .limit(50, key: "\"openai\"", scope: .account)],
            throttle: .limit(10, per: .minutes(1), burst: 2, key: \Placed.customerId),
            rateLimit: .limit(1, per: .hours(24), key: \Placed.customerId),
            debounce: .period(.minutes(5), key: \Placed.customerId, timeout: .minutes(30)),
            batchEvents: .maxSize(100, timeout: .seconds(5), key: \Placed.storeId, if: "event.data.total > 10"),
            priority: .run("event.data.plan == 'pro' ? 120 : 0"),
            idempotency: "event.data.orderId",
            singleton: .key(\Placed.customerId, mode: .cancel)))
    }

    /// A function without flow control registers none of its fields.
    @Test func noFlowControlNoFields() throws {
        let json = try config(FunctionOptions())
        for field in ["concurrency", "throttle", "rateLimit", "debounce", "batchEvents", "priority", "idempotency", "singleton"] {
            #expect(!json.contains("\"\(field)\""), "\(field)")
        }
    }
}
